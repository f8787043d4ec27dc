import {
  AuthService,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { Permission } from '@backstage/plugin-permission-common';
import {
  clusterResourceUpdatePermission,
  clustersPermissions,
  clustersReadPermission,
} from '@kubedeck/plugin-clusters-common';
import {
  ClusterResource,
  clusterResourcePermissionResourceRef,
  clusterResourcePermissionRules,
} from '@kubedeck/plugin-clusters-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { permissionModuleKubedeckPolicy } from './module';

/**
 * Stands in for the clusters backend: registers the Kubernetes object
 * resource type so that the permission backend can apply conditions to
 * objects named `<cluster>/<namespace>/<kind>/<name>`.
 */
const clustersStandIn = createBackendPlugin({
  pluginId: 'clusters',
  register(reg) {
    reg.registerInit({
      deps: { permissionsRegistry: coreServices.permissionsRegistry },
      async init({ permissionsRegistry }) {
        permissionsRegistry.addResourceType({
          resourceRef: clusterResourcePermissionResourceRef,
          permissions: clustersPermissions,
          rules: Object.values(clusterResourcePermissionRules),
          getResources: async refs =>
            refs.map((ref): ClusterResource => {
              const [cluster, namespace, kind] = ref.split('/');
              return { cluster, namespace, kind };
            }),
        });
      },
    });
  },
});

/**
 * The mock auth service issues on-behalf-of tokens without the actor that the
 * real one records, and the permissions registry refuses user requests that
 * have none. Same mock, plus the actor.
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { pluginMetadata: coreServices.pluginMetadata },
  factory({ pluginMetadata }) {
    const pluginId = pluginMetadata.getId();
    const auth = mockServices.auth({ pluginId });
    const getPluginRequestToken: AuthService['getPluginRequestToken'] =
      async options => {
        if (!auth.isPrincipal(options.onBehalfOf, 'user')) {
          return auth.getPluginRequestToken(options);
        }
        const { userEntityRef } = options.onBehalfOf.principal;
        return {
          token: mockCredentials.user.token(userEntityRef, {
            actor: { subject: `plugin:${pluginId}` },
          }),
        };
      };
    return Object.assign(Object.create(auth), { getPluginRequestToken });
  },
});

describe('permissionModuleKubedeckPolicy', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleKubedeckPolicy,
        clustersStandIn,
        authWithActors,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            kubedeck: {
              permissions: {
                assignments: [
                  { role: 'admin', users: ['user:default/guest'] },
                  {
                    role: 'operator',
                    users: ['user:default/alice'],
                    namespaces: ['team-a'],
                  },
                ],
              },
            },
          },
        }),
      ],
    }));
  });

  async function authorize(
    userEntityRef: string,
    items: Array<{ permission: Permission; resourceRef?: string }>,
  ) {
    const response = await request(server)
      .post('/api/permission/authorize')
      .set('Authorization', mockCredentials.user.header(userEntityRef))
      .send({
        items: items.map((item, index) => ({ id: String(index), ...item })),
      });
    expect(response.status).toBe(200);
    return response.body.items.map((item: { result: string }) => item.result);
  }

  it('answers an authorize request for the guest admin and for a user without a role', async () => {
    const items = [
      { permission: clustersReadPermission },
      {
        permission: clusterResourceUpdatePermission,
        resourceRef: 'demo/team-b/Deployment/web',
      },
      { permission: catalogEntityReadPermission, resourceRef: 'component:x' },
    ];
    expect(await authorize('user:default/guest', items)).toEqual([
      'ALLOW',
      'ALLOW',
      'ALLOW',
    ]);
    expect(await authorize('user:default/nobody', items)).toEqual([
      'DENY',
      'DENY',
      'ALLOW',
    ]);
  });

  it('resolves a namespace-scoped grant through the rules of the clusters plugin', async () => {
    expect(
      await authorize('user:default/alice', [
        {
          permission: clusterResourceUpdatePermission,
          resourceRef: 'demo/team-a/Deployment/web',
        },
        {
          permission: clusterResourceUpdatePermission,
          resourceRef: 'demo/team-b/Deployment/web',
        },
        { permission: clustersReadPermission },
      ]),
    ).toEqual(['ALLOW', 'DENY', 'DENY']);
  });
});
