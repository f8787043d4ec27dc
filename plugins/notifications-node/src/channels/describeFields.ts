import type {
  ChannelFieldDescription,
  ChannelTypeDescription,
} from '@kubedeck/plugin-notifications-common';
import { z } from 'zod';
import type { NotificationChannelType } from './types';

type Meta = { title?: string; description?: string };

/** Wrappers whose inner schema says what the field is. */
function inner(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as any)._zod?.def;
  switch (def?.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return def.innerType;
    case 'pipe':
      return def.in;
    case 'union':
      return def.options[0];
    default:
      return undefined;
  }
}

/** The schema and the wrappers inside it, outermost first. */
function layers(schema: z.ZodType): z.ZodType[] {
  const all: z.ZodType[] = [];
  for (let s: z.ZodType | undefined = schema; s; s = inner(s)) all.push(s);
  return all;
}

function kindOf(schema: z.ZodType): ChannelFieldDescription['kind'] {
  const base = layers(schema).at(-1) as any;
  switch (base?._zod?.def?.type) {
    case 'string':
    case 'enum':
    case 'literal':
      return 'text';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

/** `apiBaseUrl` → `Api base url`, for fields whose schema gives no title. */
const humanize = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLocaleLowerCase();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
};

function describeField(
  name: string,
  schema: z.ZodType,
  secret: boolean,
): ChannelFieldDescription {
  const meta: Meta = {};
  for (const layer of layers(schema)) {
    const found = (layer.meta?.() ?? {}) as Meta;
    meta.title ??= found.title;
    meta.description ??= found.description;
  }
  const empty = schema.safeParse(undefined);
  const defaultValue =
    empty.success && ['string', 'number', 'boolean'].includes(typeof empty.data)
      ? (empty.data as string | number | boolean)
      : undefined;
  return {
    name,
    label: meta.title ?? humanize(name),
    kind: kindOf(schema),
    required: !empty.success,
    secret,
    ...(meta.description ? { help: meta.description } : {}),
    ...(defaultValue !== undefined ? { defaultValue } : {}),
  };
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  for (const layer of layers(schema)) {
    const shape = (layer as any)._zod?.def?.shape;
    if (shape) return shape;
  }
  return undefined;
}

/**
 * Describes a channel type's form fields from its config and secrets schemas: names, whether
 * required, kinds, defaults, and labels and help from each field's `.meta({ title,
 * description })`. A config schema that is not an object is one JSON field named `config`.
 *
 * @public
 */
export function describeChannelType(
  type: NotificationChannelType,
): ChannelTypeDescription {
  const config = shapeOf(type.configSchema);
  const secrets = shapeOf(type.secretsSchema) ?? {};
  return {
    type: type.type,
    title: type.title,
    personal: Boolean(type.personal),
    fields: [
      ...(config
        ? Object.entries(config).map(([name, s]) =>
            describeField(name, s, false),
          )
        : [
            {
              name: 'config',
              label: 'Config (JSON)',
              kind: 'json' as const,
              required: false,
              secret: false,
            },
          ]),
      ...Object.entries(secrets).map(([name, s]) =>
        describeField(name, s, true),
      ),
    ],
  };
}
