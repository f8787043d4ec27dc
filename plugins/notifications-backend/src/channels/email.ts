import {
  ChannelDeliveryError,
  ChannelMessage,
  NotificationChannelType,
} from '@kubedeck/plugin-notifications-node';
import { createTransport } from 'nodemailer';
import { z } from 'zod';
import {
  escapeHtml,
  facts,
  headline,
  plainText,
  SEVERITY_COLOUR,
} from './render';

const configSchema = z.object({
  host: z.string().min(1).meta({ title: 'SMTP host' }),
  port: z
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(587)
    .meta({ title: 'SMTP port' }),
  from: z.string().min(3).meta({
    title: 'From address',
    description: 'e.g. Kubedeck <alerts@example.com>',
  }),
  /** TLS from the first byte (port 465); otherwise STARTTLS when offered. */
  secure: z
    .boolean()
    .default(false)
    .meta({ title: 'TLS from the first byte (port 465)' }),
  requireTLS: z.boolean().default(false).meta({ title: 'Require STARTTLS' }),
  rejectUnauthorized: z
    .boolean()
    .default(true)
    .meta({ title: 'Verify the server certificate' }),
});

const secretsSchema = z
  .object({
    username: z.string().min(1).meta({ title: 'SMTP username' }),
    password: z.string().min(1).meta({ title: 'SMTP password' }),
  })
  .partial()
  .refine(s => Boolean(s.username) === Boolean(s.password), {
    message: 'username and password go together',
  }) as unknown as z.ZodType<Record<string, string>>;

function html(message: ChannelMessage): string {
  const colour = SEVERITY_COLOUR[message.severity] ?? '#607d8b';
  const rows = message.digest
    ? `<pre>${escapeHtml(plainText(message))}</pre>`
    : `<table>${facts(message)
        .map(
          ([k, v]) =>
            `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(
              v,
            )}</td></tr>`,
        )
        .join('')}</table>`;
  const link = message.link
    ? `<p><a href="${escapeHtml(message.link)}">Open in Kubedeck</a></p>`
    : '';
  const description =
    message.description && !message.digest
      ? `<p>${escapeHtml(message.description)}</p>`
      : '';
  return `<h2 style="color:${colour}">${escapeHtml(
    headline(message),
  )}</h2>${description}${rows}${link}`;
}

/** SMTP through nodemailer; a personal channel: every recipient gets their own email. */
export const emailChannelType: NotificationChannelType = {
  type: 'email',
  title: 'Email (SMTP)',
  personal: true,
  configSchema,
  secretsSchema,
  async send(message, { channel }) {
    const to = message.recipient?.email;
    if (!to) {
      throw new ChannelDeliveryError(
        'The recipient has no email address in the catalog',
        {
          retryable: false,
        },
      );
    }
    const config = configSchema.parse(channel.config);
    const { username, password } = channel.secrets;
    const transport = createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: config.requireTLS,
      tls: { rejectUnauthorized: config.rejectUnauthorized },
      auth: username ? { user: username, pass: password } : undefined,
    });
    try {
      await transport.sendMail({
        from: config.from,
        to,
        subject: headline(message),
        text: plainText(message),
        html: html(message),
        headers: { 'X-Kubedeck-Delivery': message.idempotencyKey },
      });
    } catch (error) {
      // No SMTP code means the connection failed; 4xx is transient, 5xx permanent.
      const code = (error as { responseCode?: number }).responseCode;
      throw new ChannelDeliveryError(
        `SMTP delivery failed: ${(error as Error).message}`,
        { retryable: code === undefined || (code >= 400 && code < 500) },
      );
    } finally {
      transport.close();
    }
  },
};
