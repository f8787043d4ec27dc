import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { generateEphemeralKey, readSecretsKeys } from './keys';
import { AesGcmSecretsCipher, SecretsCipher } from './SecretsCipher';

function isDevelopment(): boolean {
  return ['development', 'test'].includes(process.env.NODE_ENV ?? '');
}

/**
 * Builds the cipher from `kubedeck.secrets.keys`. Without keys it refuses to start, except in
 * development where it uses a random key that is lost on restart.
 *
 * @public
 */
export function createSecretsCipher(options: {
  config: RootConfigService;
  logger: LoggerService;
  development?: boolean;
}): SecretsCipher {
  const keys = readSecretsKeys(options.config);
  if (keys.length > 0) {
    return AesGcmSecretsCipher.fromKeys(keys);
  }
  if (options.development ?? isDevelopment()) {
    options.logger.warn(
      'No kubedeck.secrets.keys configured: using an ephemeral development key. ' +
        'Stored secrets will be unreadable after a restart.',
    );
    return AesGcmSecretsCipher.fromKeys([generateEphemeralKey()]);
  }
  throw new Error(
    'Kubedeck cannot store secrets: configure kubedeck.secrets.keys with at least one ' +
      '{ id, secret } entry (secret: 32 bytes in base64, e.g. `openssl rand -base64 32`)',
  );
}

/**
 * The cipher for Kubedeck secrets at rest, shared by every plugin of the backend.
 *
 * @public
 */
export const secretsCipherServiceRef = createServiceRef<SecretsCipher>({
  id: 'kubedeck.secrets.cipher',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
      },
      factory: ({ config, logger }) =>
        createSecretsCipher({
          config,
          logger: logger.child({ service: 'kubedeck-secrets' }),
        }),
    }),
});
