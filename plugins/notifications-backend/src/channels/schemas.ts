import { z } from 'zod';

/** An http(s) URL; where it points is checked at send time by the SSRF guard. */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  .max(2000);

export const webhookUrlSecrets = z.object({
  webhookUrl: httpUrl.meta({ title: 'Incoming webhook URL' }),
});
