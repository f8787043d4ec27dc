import { describeChannelType } from '@kubedeck/plugin-notifications-node';
import { builtInChannelTypes } from '.';

describe('built-in channel types as GET /channel-types describes them', () => {
  it('describes the email form with labels, defaults and write-only credentials', () => {
    const email = builtInChannelTypes.find(t => t.type === 'email')!;

    expect(describeChannelType(email)).toMatchObject({
      title: 'Email (SMTP)',
      personal: true,
      fields: [
        { name: 'host', label: 'SMTP host', kind: 'text', required: true },
        { name: 'port', kind: 'number', required: false, defaultValue: 587 },
        {
          name: 'from',
          required: true,
          help: 'e.g. Kubedeck <alerts@example.com>',
        },
        { name: 'secure', kind: 'boolean', defaultValue: false },
        { name: 'requireTLS', kind: 'boolean', defaultValue: false },
        { name: 'rejectUnauthorized', kind: 'boolean', defaultValue: true },
        { name: 'username', secret: true, required: false },
        { name: 'password', secret: true, required: false },
      ],
    });
  });

  it.each(builtInChannelTypes.map(t => [t.type, t] as const))(
    'says a %s field is required exactly when validation refuses it missing',
    (_name, channelType) => {
      const { fields } = describeChannelType(channelType);
      const sample: Record<string, unknown> = {
        host: 'smtp.example.com',
        from: 'Kubedeck <alerts@example.com>',
        chatId: '42',
        url: 'https://hooks.example.com/x',
        webhookUrl: 'https://hooks.example.com/x',
        botToken: '123456:ABC-DEF',
        signingSecret: 'sixteen-characters!',
      };
      for (const field of fields) {
        const schema = field.secret
          ? channelType.secretsSchema
          : channelType.configSchema;
        const names = fields
          .filter(f => f.secret === field.secret && f.required)
          .map(f => f.name);
        const complete = Object.fromEntries(
          names.map(name => [name, sample[name]]),
        );
        const { [field.name]: _left, ...without } = complete;
        expect(schema.safeParse(complete).success).toBe(true);
        expect(schema.safeParse(without).success).toBe(!field.required);
      }
    },
  );
});
