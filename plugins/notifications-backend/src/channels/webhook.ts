import {
  assertDelivered,
  ChannelMessage,
  NotificationChannelType,
} from '@kubedeck/plugin-notifications-node';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { headline } from './render';
import { httpUrl } from './schemas';

const configSchema = z.object({
  url: httpUrl.meta({ title: 'URL' }),
  /**
   * JSON sent as the body. String values may contain placeholders such as `{{title}}`,
   * `{{severity}}`, `{{cluster}}`, `{{link}}`; a string that is exactly `{{event}}` becomes the
   * whole message object. Without a template the whole message is sent.
   */
  template: z.record(z.string(), z.unknown()).optional().meta({
    title: 'Body template (JSON)',
    description:
      'Optional. Strings may use {{title}}, {{severity}}, {{cluster}}, {{link}}; "{{event}}" is the whole message.',
  }),
});

function placeholders(message: ChannelMessage): Record<string, unknown> {
  return {
    event: { ...message, recipient: undefined },
    headline: headline(message),
    title: message.title,
    description: message.description ?? '',
    severity: message.severity,
    category: message.category,
    cluster: message.cluster ?? '',
    namespace: message.namespace ?? '',
    kind: message.object?.kind ?? '',
    name: message.object?.name ?? '',
    count: message.count,
    resolved: message.resolved,
    link: message.link ?? '',
    type: message.kind,
    idempotencyKey: message.idempotencyKey,
  };
}

/** Fills `{{name}}` placeholders in every string of a JSON template; nothing is evaluated. */
export function renderTemplate(
  template: unknown,
  values: Record<string, unknown>,
): unknown {
  if (typeof template === 'string') {
    const whole = template.match(/^\{\{\s*(\w+)\s*\}\}$/);
    if (whole && whole[1] in values) {
      return values[whole[1]];
    }
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name) =>
      name in values ? String(values[name]) : match,
    );
  }
  if (Array.isArray(template)) {
    return template.map(item => renderTemplate(item, values));
  }
  if (template && typeof template === 'object') {
    return Object.fromEntries(
      Object.entries(template).map(([k, v]) => [k, renderTemplate(v, values)]),
    );
  }
  return template;
}

/** `sha256=` HMAC-SHA256 over `<timestamp>.<body>` with the channel's signing secret. */
export function signWebhook(
  secret: string,
  timestamp: string,
  body: string,
): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`);
  return `sha256=${mac.digest('hex')}`;
}

/** A custom webhook: JSON body from a template, signed with `X-Kubedeck-Signature`. */
export const webhookChannelType: NotificationChannelType = {
  type: 'webhook',
  title: 'Custom webhook',
  configSchema,
  secretsSchema: z.object({
    signingSecret: z.string().min(16).meta({
      title: 'Signing secret (HMAC-SHA256)',
      description: 'At least 16 characters',
    }),
  }),
  rateLimit: channel => ({
    key: `webhook:${channel.id}`,
    limit: 10,
    intervalMs: 1000,
  }),
  async send(message, { channel, http }) {
    const { url, template } = configSchema.parse(channel.config);
    const values = placeholders(message);
    const body = JSON.stringify(
      template ? renderTemplate(template, values) : values.event,
    );
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await http.request({
      url,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kubedeck-Notifications',
        'x-kubedeck-timestamp': timestamp,
        'x-kubedeck-delivery': message.idempotencyKey,
        'x-kubedeck-signature': signWebhook(
          channel.secrets.signingSecret,
          timestamp,
          body,
        ),
      },
      body,
    });
    assertDelivered(response, 'Webhook');
  },
};
