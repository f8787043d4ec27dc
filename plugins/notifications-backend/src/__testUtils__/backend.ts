import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  MessageBroker,
  messageBrokerServiceRef,
} from '@kubedeck/plugin-notifications-node';
import {
  ClusterDefinition,
  clusterRegistryServiceRef,
} from '@kubedeck/plugin-clusters-node';
import { fixedClusterRegistry } from '@kubedeck/plugin-clusters-node/testUtils';

export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';
export const ADMIN = 'user:default/admin';

const user = (name: string, email?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: email ? { email } : {} },
});

/** Alice (team-shop, owner of the shop-cart component), Bob and an admin. */
export const entities: Entity[] = [
  user('alice', 'alice@example.com'),
  user('bob', 'bob@example.com'),
  user('admin', 'admin@example.com'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-shop', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: ALICE }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop-cart', namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-shop',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-shop' }],
  },
];

/**
 * Permissions like the Kubedeck policy: the admin holds `kubedeck.*`, everyone else only the
 * preference permissions.
 */
export const rolePermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () =>
    mockServices.permissions.mock({
      authorize: async (requests, options) => {
        const principal = options?.credentials.principal as {
          userEntityRef?: string;
        };
        return requests.map(r => ({
          result:
            principal?.userEntityRef === ADMIN ||
            r.permission.name.startsWith('kubedeck.notifications.preferences.')
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })) as any;
      },
    }),
});

export const catalog = () => catalogServiceMock.factory({ entities });

/** The portal's clusters: `demo` and `staging`. */
export const clusters = createServiceFactory({
  service: clusterRegistryServiceRef,
  deps: {},
  factory: () =>
    fixedClusterRegistry(
      ['demo', 'staging'].map(name => ({ name } as ClusterDefinition)),
    ),
});

/** A plugin that hands the test the backend's shared message broker. */
export function brokerProbe(onBroker: (broker: MessageBroker) => void) {
  return createBackendPlugin({
    pluginId: 'broker-probe',
    register(env) {
      env.registerInit({
        deps: { broker: messageBrokerServiceRef },
        async init({ broker }) {
          onBroker(broker);
        },
      });
    },
  });
}

export const testSecretsKey = {
  id: 'test',
  secret: Buffer.alloc(32, 1).toString('base64'),
};

/** Polls until the check returns something truthy; the test's timeout bounds it. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
): Promise<T> {
  for (;;) {
    const value = await check();
    if (value) return value;
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}
