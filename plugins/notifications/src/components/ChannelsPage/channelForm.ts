import {
  ALERT_CATEGORIES,
  ChannelRouting,
  CreateChannelRequest,
  NotificationChannel,
  UpdateChannelRequest,
} from '@kubedeck/plugin-notifications-common';
import { ChannelField, channelFields } from './channelTypeFields';

/** What the channel dialog edits. Secret values start empty and are only ever typed in. */
export type ChannelFormState = {
  name: string;
  type: string;
  enabled: boolean;
  values: Record<string, string | boolean>;
  /** Who a shared channel hears about; the dialog edits its categories, the rest is kept. */
  routing: ChannelRouting;
  /** Optional secrets whose stored value is to be deleted. */
  removeSecrets: string[];
};

function initialValue(field: ChannelField, config: Record<string, unknown>) {
  if (field.secret) {
    return '';
  }
  const value =
    field.kind === 'json' && field.name === 'config'
      ? config
      : config[field.name] ?? field.defaultValue;
  if (field.kind === 'boolean') {
    return Boolean(value);
  }
  if (value === undefined) {
    return '';
  }
  return field.kind === 'json' ? JSON.stringify(value, null, 2) : String(value);
}

/** The form for a new channel of `type`, or for editing `channel`. */
export function channelFormState(
  type: string,
  channel?: NotificationChannel,
): ChannelFormState {
  const config = channel?.config ?? {};
  return {
    name: channel?.name ?? '',
    type: channel?.type ?? type,
    enabled: channel?.enabled ?? true,
    values: Object.fromEntries(
      channelFields(channel?.type ?? type).map(field => [
        field.name,
        initialValue(field, config),
      ]),
    ),
    routing: channel?.routing ?? { categories: [...ALERT_CATEGORIES] },
    removeSecrets: [],
  };
}

function parseJson(field: ChannelField, text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value;
    }
  } catch {
    // reported below
  }
  throw new Error(`${field.label} must be a JSON object`);
}

/** Config and the secrets typed in; throws an Error naming a field that cannot be parsed. */
function configAndSecrets(state: ChannelFormState) {
  const config: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const field of channelFields(state.type)) {
    const value = state.values[field.name];
    if (typeof value === 'boolean') {
      config[field.name] = value;
      continue;
    }
    const text = (value ?? '').trim();
    if (!text) {
      continue;
    }
    if (field.secret) {
      secrets[field.name] = text;
    } else if (field.kind === 'number') {
      config[field.name] = Number(text);
    } else if (field.kind === 'json' && field.name === 'config') {
      Object.assign(config, parseJson(field, text));
    } else if (field.kind === 'json') {
      config[field.name] = parseJson(field, text);
    } else {
      config[field.name] = text;
    }
  }
  return { config, secrets };
}

export function toCreateRequest(state: ChannelFormState): CreateChannelRequest {
  const { config, secrets } = configAndSecrets(state);
  return {
    name: state.name.trim(),
    type: state.type,
    enabled: state.enabled,
    config,
    secrets,
    routing: state.routing,
  };
}

/**
 * Only secrets that were typed in are sent, so blank ones keep their stored value; secrets
 * marked for removal are sent as `null`.
 */
export function toUpdateRequest(state: ChannelFormState): UpdateChannelRequest {
  const { config, secrets: typed } = configAndSecrets(state);
  const secrets: Record<string, string | null> = {
    ...typed,
    ...Object.fromEntries(state.removeSecrets.map(name => [name, null])),
  };
  return {
    name: state.name.trim(),
    config,
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
    routing: state.routing,
  };
}
