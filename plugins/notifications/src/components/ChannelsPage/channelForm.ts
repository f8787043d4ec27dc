import {
  ALERT_CATEGORIES,
  ChannelFieldDescription,
  ChannelRouting,
  CreateChannelRequest,
  NotificationChannel,
  UpdateChannelRequest,
} from '@kubedeck/plugin-notifications-common';
import { ChannelTypeInfo } from '../../api';

type ChannelField = ChannelFieldDescription;

/** For a channel whose type the backend no longer knows: its config as one JSON object. */
const UNKNOWN_TYPE_FIELDS: ChannelField[] = [
  {
    name: 'config',
    label: 'Config (JSON)',
    kind: 'json',
    required: false,
    secret: false,
  },
];

/** What the channel dialog edits. Secret values start empty and are only ever typed in. */
export type ChannelFormState = {
  name: string;
  type: string;
  /** The type's fields, as the backend describes them. */
  fields: ChannelField[];
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
      : config[field.name] ??
        // A text default shows as the placeholder; left blank, the backend applies it.
        (field.kind === 'text' ? undefined : field.defaultValue);
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
  types: ChannelTypeInfo[],
  type: string,
  channel?: NotificationChannel,
): ChannelFormState {
  const config = channel?.config ?? {};
  const chosen = channel?.type ?? type;
  const fields =
    types.find(t => t.type === chosen)?.fields ?? UNKNOWN_TYPE_FIELDS;
  return {
    name: channel?.name ?? '',
    type: chosen,
    fields,
    enabled: channel?.enabled ?? true,
    values: Object.fromEntries(
      fields.map(field => [field.name, initialValue(field, config)]),
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
  for (const field of state.fields) {
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
