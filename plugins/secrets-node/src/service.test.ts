import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { secretsCipherServiceRef } from './service';

describe('secretsCipherServiceRef', () => {
  it('is available to plugins with the configured key', async () => {
    let sealed = '';
    const plugin = createBackendPlugin({
      pluginId: 'consumer',
      register(env) {
        env.registerInit({
          deps: { cipher: secretsCipherServiceRef },
          async init({ cipher }) {
            sealed = cipher.encrypt('hello');
          },
        });
      },
    });
    await startTestBackend({
      features: [
        plugin,
        mockServices.rootConfig.factory({
          data: {
            kubedeck: {
              secrets: {
                keys: [
                  { id: 'k1', secret: Buffer.alloc(32, 7).toString('base64') },
                ],
              },
            },
          },
        }),
      ],
    });
    expect(sealed.startsWith('kd1:k1:')).toBe(true);
  });
});
