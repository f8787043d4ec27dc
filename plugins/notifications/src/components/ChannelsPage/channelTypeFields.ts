/**
 * The form fields of each built-in channel type, mirroring the backend's config and secrets
 * schemas (`GET /channel-types` lists types but not their fields). Types added by modules get a
 * JSON config field.
 */
export type ChannelField = {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'boolean' | 'json';
  /** Secret fields are write-only: sent when typed, never shown. */
  secret?: boolean;
  required?: boolean;
  helperText?: string;
  defaultValue?: string | number | boolean;
};

const webhookUrl: ChannelField = {
  name: 'webhookUrl',
  label: 'Incoming webhook URL',
  kind: 'text',
  secret: true,
  required: true,
};

const CHANNEL_TYPE_FIELDS: Record<string, ChannelField[]> = {
  email: [
    { name: 'host', label: 'SMTP host', kind: 'text', required: true },
    { name: 'port', label: 'SMTP port', kind: 'number', defaultValue: 587 },
    {
      name: 'from',
      label: 'From address',
      kind: 'text',
      required: true,
      helperText: 'e.g. Kubedeck <alerts@example.com>',
    },
    {
      name: 'secure',
      label: 'TLS from the first byte (port 465)',
      kind: 'boolean',
      defaultValue: false,
    },
    {
      name: 'requireTLS',
      label: 'Require STARTTLS',
      kind: 'boolean',
      defaultValue: false,
    },
    {
      name: 'rejectUnauthorized',
      label: 'Verify the server certificate',
      kind: 'boolean',
      defaultValue: true,
    },
    { name: 'username', label: 'SMTP username', kind: 'text', secret: true },
    { name: 'password', label: 'SMTP password', kind: 'text', secret: true },
  ],
  slack: [webhookUrl],
  teams: [webhookUrl],
  telegram: [
    { name: 'chatId', label: 'Chat id', kind: 'text', required: true },
    {
      name: 'apiBaseUrl',
      label: 'Bot API base URL',
      kind: 'text',
      helperText: 'Leave blank for https://api.telegram.org',
    },
    {
      name: 'botToken',
      label: 'Bot token',
      kind: 'text',
      secret: true,
      required: true,
      helperText: 'Looks like 123456:ABC-DEF',
    },
  ],
  webhook: [
    { name: 'url', label: 'URL', kind: 'text', required: true },
    {
      name: 'template',
      label: 'Body template (JSON)',
      kind: 'json',
      helperText:
        'Optional. Strings may use {{title}}, {{severity}}, {{cluster}}, {{link}}; "{{event}}" is the whole message.',
    },
    {
      name: 'signingSecret',
      label: 'Signing secret (HMAC-SHA256)',
      kind: 'text',
      secret: true,
      required: true,
      helperText: 'At least 16 characters',
    },
  ],
};

const GENERIC_FIELDS: ChannelField[] = [
  { name: 'config', label: 'Config (JSON)', kind: 'json' },
];

/** The fields of a channel type; `config` as a whole JSON object for unknown types. */
export function channelFields(type: string): ChannelField[] {
  return CHANNEL_TYPE_FIELDS[type] ?? GENERIC_FIELDS;
}
