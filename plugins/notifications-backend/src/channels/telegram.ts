import {
  assertDelivered,
  ChannelDeliveryError,
  ChannelMessage,
  NotificationChannelType,
} from '@kubedeck/plugin-notifications-node';
import { z } from 'zod';
import { escapeHtml, headline, plainText } from './render';
import { httpUrl } from './schemas';

const configSchema = z.object({
  chatId: z
    .union([z.string().min(1), z.number().int()])
    .transform(String)
    .meta({ title: 'Chat id' }),
  /** For tests and Bot API servers of your own. */
  apiBaseUrl: httpUrl.default('https://api.telegram.org').meta({
    title: 'Bot API base URL',
    description: 'For Bot API servers of your own',
  }),
});

function html(message: ChannelMessage): string {
  const link = message.link
    ? `\n<a href="${escapeHtml(message.link)}">Open in Kubedeck</a>`
    : '';
  const body = plainText({ ...message, link: undefined });
  return `<b>${escapeHtml(headline(message))}</b>\n${escapeHtml(
    body,
  )}${link}`.slice(0, 4096);
}

/** Telegram Bot API `sendMessage`; at most 20 messages a minute per chat. */
export const telegramChannelType: NotificationChannelType = {
  type: 'telegram',
  title: 'Telegram (bot)',
  configSchema,
  secretsSchema: z.object({
    botToken: z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-DEF')
      .meta({ title: 'Bot token', description: 'Looks like 123456:ABC-DEF' }),
  }),
  rateLimit: channel => ({
    key: `telegram:${configSchema.parse(channel.config).chatId}`,
    limit: 20,
    intervalMs: 60_000,
  }),
  async send(message, { channel, http }) {
    const { chatId, apiBaseUrl } = configSchema.parse(channel.config);
    const response = await http.postJson(
      `${apiBaseUrl.replace(/\/$/, '')}/bot${
        channel.secrets.botToken
      }/sendMessage`,
      {
        chat_id: chatId,
        text: html(message),
        parse_mode: 'HTML',
        disable_web_page_preview: true,
      },
    );
    if (response.status === 429) {
      // Telegram says how long to wait in the body rather than in a header.
      const retryAfter = JSON.parse(response.body || '{}')?.parameters
        ?.retry_after;
      if (typeof retryAfter === 'number') {
        throw new ChannelDeliveryError(
          'Telegram answered 429: too many requests',
          {
            retryable: true,
            retryAfterMs: retryAfter * 1000,
          },
        );
      }
    }
    assertDelivered(response, 'Telegram');
  },
};
