import { z } from 'zod';
import { describeChannelType } from './describeFields';
import { NotificationChannelType } from './types';

const type = (
  configSchema: z.ZodType,
  secretsSchema: z.ZodType,
): NotificationChannelType => ({
  type: 'pager',
  title: 'Pager',
  configSchema: configSchema as NotificationChannelType['configSchema'],
  secretsSchema: secretsSchema as NotificationChannelType['secretsSchema'],
  send: async () => {},
});

describe('describeChannelType', () => {
  it('describes each config and secret field from the schemas', () => {
    const described = describeChannelType(
      type(
        z.object({
          url: z.url().meta({ title: 'URL', description: 'Where to post' }),
          retries: z.number().int().default(3),
          verbose: z.boolean().optional(),
          room: z
            .union([z.string(), z.number()])
            .transform(String)
            .meta({ title: 'Room' }),
          headers: z.record(z.string(), z.string()).optional(),
        }),
        z.object({ apiKey: z.string().min(8).meta({ title: 'API key' }) }),
      ),
    );

    expect(described).toEqual({
      type: 'pager',
      title: 'Pager',
      personal: false,
      fields: [
        {
          name: 'url',
          label: 'URL',
          kind: 'text',
          required: true,
          secret: false,
          help: 'Where to post',
        },
        {
          name: 'retries',
          label: 'Retries',
          kind: 'number',
          required: false,
          secret: false,
          defaultValue: 3,
        },
        {
          name: 'verbose',
          label: 'Verbose',
          kind: 'boolean',
          required: false,
          secret: false,
        },
        {
          name: 'room',
          label: 'Room',
          kind: 'text',
          required: true,
          secret: false,
        },
        {
          name: 'headers',
          label: 'Headers',
          kind: 'json',
          required: false,
          secret: false,
        },
        {
          name: 'apiKey',
          label: 'API key',
          kind: 'text',
          required: true,
          secret: true,
        },
      ],
    });
  });

  it('sees through partial and refined secrets, and names fields without a title', () => {
    const { fields } = describeChannelType(
      type(
        z.object({ chatRoomId: z.string() }),
        z
          .object({ username: z.string(), password: z.string() })
          .partial()
          .refine(s => Boolean(s.username) === Boolean(s.password)),
      ),
    );

    expect(fields.map(f => [f.name, f.label, f.required, f.secret])).toEqual([
      ['chatRoomId', 'Chat room id', true, false],
      ['username', 'Username', false, true],
      ['password', 'Password', false, true],
    ]);
  });

  it('offers the whole config as JSON when the config schema is not an object', () => {
    const { fields } = describeChannelType(
      type(z.record(z.string(), z.unknown()), z.object({})),
    );

    expect(fields).toEqual([
      {
        name: 'config',
        label: 'Config (JSON)',
        kind: 'json',
        required: false,
        secret: false,
      },
    ]);
  });
});
