import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AesGcmSecretsCipher,
  readSecretsKeys,
} from '@kubedeck/plugin-secrets-node';
import { builtInChannelTypes } from '../channels';
import { createStores } from '../database';
import { testSecretsKey } from '../__testUtils__/backend';
import { ChannelService } from './ChannelService';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const cipher = AesGcmSecretsCipher.fromKeys(
  readSecretsKeys(
    new ConfigReader({ kubedeck: { secrets: { keys: [testSecretsKey] } } }),
  ),
);

describe.each(databases.eachSupportedId())(
  'ChannelService on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const { channels } = await createStores({
        database: mockServices.database({ knex }),
      });
      return {
        knex,
        service: ChannelService.create({
          store: channels,
          cipher,
          types: builtInChannelTypes,
        }),
      };
    }

    it('stores secrets encrypted and lets admins edit a channel without re-entering them', async () => {
      const { knex, service } = await setup();
      const created = await service.create(
        {
          name: 'Bot',
          type: 'telegram',
          config: { chatId: '42' },
          secrets: { botToken: '123456:SECRET-token' },
        },
        'user:default/admin',
      );
      const row = await knex('channels').where({ id: created.id }).first();
      expect(row.secrets).not.toContain('SECRET');
      expect(JSON.parse(row.secrets).botToken).toMatch(/^kd1:test:/);

      const renamed = await service.update(created.id, {
        name: 'Ops bot',
        config: { chatId: '43' },
      });
      expect(service.instance(renamed).secrets).toEqual({
        botToken: '123456:SECRET-token',
      });
      expect(service.toApi(renamed).secrets).toEqual({
        botToken: { configured: true },
      });

      const rotated = await service.update(created.id, {
        secrets: { botToken: '123456:NEW' },
      });
      expect(service.instance(rotated).secrets.botToken).toBe('123456:NEW');
      await expect(
        service.update(created.id, { secrets: { botToken: null } }),
      ).rejects.toThrow(/Invalid telegram secrets: botToken/);
    });

    it('re-encrypts secrets made with an older key once a new key comes first', async () => {
      const { knex, service } = await setup();
      const created = await service.create(
        {
          name: 'Hook',
          type: 'webhook',
          config: { url: 'https://hooks.example.com/k' },
          secrets: { signingSecret: 'sixteen-chars-or-more' },
        },
        'user:default/admin',
      );
      const rotatedCipher = AesGcmSecretsCipher.fromKeys(
        readSecretsKeys(
          new ConfigReader({
            kubedeck: {
              secrets: {
                keys: [
                  { id: 'new', secret: Buffer.alloc(32, 9).toString('base64') },
                  testSecretsKey,
                ],
              },
            },
          }),
        ),
      );
      const { channels } = await createStores({
        database: mockServices.database({ knex }),
      });
      const rotated = ChannelService.create({
        store: channels,
        cipher: rotatedCipher,
        types: builtInChannelTypes,
      });
      expect(await rotated.reencryptSecrets()).toBe(1);
      expect(await rotated.reencryptSecrets()).toBe(0);
      const record = await rotated.get(created.id);
      expect(record.secrets.signingSecret).toMatch(/^kd1:new:/);
      expect(rotated.instance(record).secrets.signingSecret).toBe(
        'sixteen-chars-or-more',
      );
    });

    it('refuses duplicate names and unknown channels', async () => {
      const { service } = await setup();
      const body = {
        name: 'Mail',
        type: 'email',
        config: { host: 'smtp.example.com', from: 'k@example.com' },
      };
      await service.create(body, 'user:default/admin');
      await expect(service.create(body, 'user:default/admin')).rejects.toThrow(
        /already exists/,
      );
      await expect(service.get('missing')).rejects.toThrow(
        /No notification channel/,
      );
    });
  },
);
