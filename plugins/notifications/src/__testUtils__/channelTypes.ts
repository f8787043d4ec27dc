import { ChannelFieldDescription } from '@kubedeck/plugin-notifications-common';
import { ChannelTypeInfo } from '../api';

const field = (
  name: string,
  label: string,
  more: Partial<ChannelFieldDescription> = {},
): ChannelFieldDescription => ({
  name,
  label,
  kind: 'text',
  required: false,
  secret: false,
  ...more,
});

const webhookUrl = field('webhookUrl', 'Incoming webhook URL', {
  required: true,
  secret: true,
});

/** The built-in channel types as the backend's `GET /channel-types` describes them. */
export const channelTypes: ChannelTypeInfo[] = [
  {
    type: 'email',
    title: 'Email (SMTP)',
    personal: true,
    fields: [
      field('host', 'SMTP host', { required: true }),
      field('port', 'SMTP port', { kind: 'number', defaultValue: 587 }),
      field('from', 'From address', {
        required: true,
        help: 'e.g. Kubedeck <alerts@example.com>',
      }),
      field('secure', 'TLS from the first byte (port 465)', {
        kind: 'boolean',
        defaultValue: false,
      }),
      field('requireTLS', 'Require STARTTLS', {
        kind: 'boolean',
        defaultValue: false,
      }),
      field('rejectUnauthorized', 'Verify the server certificate', {
        kind: 'boolean',
        defaultValue: true,
      }),
      field('username', 'SMTP username', { secret: true }),
      field('password', 'SMTP password', { secret: true }),
    ],
  },
  {
    type: 'slack',
    title: 'Slack (incoming webhook)',
    personal: false,
    fields: [webhookUrl],
  },
  {
    type: 'teams',
    title: 'Microsoft Teams',
    personal: false,
    fields: [webhookUrl],
  },
  {
    type: 'telegram',
    title: 'Telegram (bot)',
    personal: false,
    fields: [
      field('chatId', 'Chat id', { required: true }),
      field('apiBaseUrl', 'Bot API base URL', {
        defaultValue: 'https://api.telegram.org',
      }),
      field('botToken', 'Bot token', {
        required: true,
        secret: true,
        help: 'Looks like 123456:ABC-DEF',
      }),
    ],
  },
  {
    type: 'webhook',
    title: 'Custom webhook',
    personal: false,
    fields: [
      field('url', 'URL', { required: true }),
      field('template', 'Body template (JSON)', { kind: 'json' }),
      field('signingSecret', 'Signing secret (HMAC-SHA256)', {
        required: true,
        secret: true,
      }),
    ],
  },
];
