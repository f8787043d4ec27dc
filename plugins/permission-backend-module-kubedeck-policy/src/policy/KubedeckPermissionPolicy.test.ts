import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  clusterExecPermission,
  clusterLogsReadPermission,
  clusterResourceCreatePermission,
  clusterResourceDeletePermission,
  clusterResourceReadPermission,
  clusterResourceUpdatePermission,
  clusterSecretReadPermission,
  clustersPermissions,
  clustersReadPermission,
} from '@kubedeck/plugin-clusters-common';
import { KubedeckPermissionPolicy } from './KubedeckPermissionPolicy';

const agentTokenCreate = createPermission({
  name: 'kubedeck.agents.tokens.create',
  attributes: { action: 'create' },
});
const channelUpdate = createPermission({
  name: 'kubedeck.notifications.channels.update',
  attributes: { action: 'update' },
});
const auditRead = createPermission({
  name: 'kubedeck.audit.read',
  attributes: { action: 'read' },
});
const unknownKubedeck = createPermission({
  name: 'kubedeck.something.new',
  attributes: {},
});
const adminOnly = [agentTokenCreate, channelUpdate, auditRead];

/** Group memberships by user ref, as the auth backend would sign them. */
const memberships: Record<string, string[]> = {
  'user:default/ann': ['group:default/kubedeck-admins'],
  'user:default/otto': ['group:default/kubedeck-operators'],
  'user:default/vic': ['group:default/developers'],
};

const userInfo = {
  async getUserInfo(credentials: BackstageCredentials) {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...(memberships[ref] ?? [])],
    };
  },
};

function createPolicy(
  permissions: object = {},
  logger = mockServices.logger.mock(),
) {
  return KubedeckPermissionPolicy.fromConfig(
    new ConfigReader({ kubedeck: { permissions } }),
    { logger, userInfo },
  );
}

const productionMapping = {
  assignments: [
    { role: 'admin', groups: ['group:default/kubedeck-admins'] },
    { role: 'operator', groups: ['group:default/kubedeck-operators'] },
    { role: 'viewer', groups: ['group:default/developers'] },
  ],
};

async function decide(
  policy: KubedeckPermissionPolicy,
  permission: Permission,
  userEntityRef?: string,
) {
  const user = userEntityRef && {
    credentials: mockCredentials.user(userEntityRef),
    info: await userInfo.getUserInfo(mockCredentials.user(userEntityRef)),
  };
  return policy.handle({ permission }, user || undefined);
}

async function results(
  policy: KubedeckPermissionPolicy,
  permissions: Permission[],
  userEntityRef?: string,
) {
  return Object.fromEntries(
    await Promise.all(
      permissions.map(async permission => [
        permission.name,
        (await decide(policy, permission, userEntityRef)).result,
      ]),
    ),
  );
}

const { ALLOW, DENY, CONDITIONAL } = AuthorizeResult;

describe('KubedeckPermissionPolicy', () => {
  const policy = createPolicy(productionMapping);

  it('lets a viewer read clusters, objects and logs, and nothing else', async () => {
    expect(
      await results(
        policy,
        [...clustersPermissions, ...adminOnly],
        'user:default/vic',
      ),
    ).toEqual({
      [clustersReadPermission.name]: ALLOW,
      [clusterResourceReadPermission.name]: ALLOW,
      [clusterLogsReadPermission.name]: ALLOW,
      [clusterSecretReadPermission.name]: DENY,
      [clusterExecPermission.name]: DENY,
      [clusterResourceCreatePermission.name]: DENY,
      [clusterResourceUpdatePermission.name]: DENY,
      [clusterResourceDeletePermission.name]: DENY,
      [agentTokenCreate.name]: DENY,
      [channelUpdate.name]: DENY,
      [auditRead.name]: DENY,
    });
  });

  it('lets an operator change objects, exec and read secrets, but no admin action', async () => {
    const decisions = await results(
      policy,
      [...clustersPermissions, ...adminOnly],
      'user:default/otto',
    );
    for (const permission of clustersPermissions) {
      expect(decisions[permission.name]).toBe(ALLOW);
    }
    for (const permission of adminOnly) {
      expect(decisions[permission.name]).toBe(DENY);
    }
  });

  it('lets an admin do everything Kubedeck, later plugins included', async () => {
    const all = [...clustersPermissions, ...adminOnly, unknownKubedeck];
    const decisions = await results(policy, all, 'user:default/ann');
    expect(Object.values(decisions)).toEqual(all.map(() => ALLOW));
  });

  it('denies every Kubedeck permission to a user without a role, and without a user', async () => {
    const all = [...clustersPermissions, ...adminOnly];
    for (const user of ['user:default/nobody', undefined]) {
      const decisions = await results(policy, all, user);
      expect(Object.values(decisions)).toEqual(all.map(() => DENY));
    }
  });

  it('denies an unknown Kubedeck permission to all but admins', async () => {
    for (const user of ['user:default/vic', 'user:default/otto']) {
      expect(await decide(policy, unknownKubedeck, user)).toEqual({
        result: DENY,
      });
    }
  });

  it("allows other plugins' permissions to anyone by default", async () => {
    for (const user of ['user:default/nobody', undefined]) {
      expect(await decide(policy, catalogEntityReadPermission, user)).toEqual({
        result: ALLOW,
      });
    }
  });

  it("lets roles decide other plugins' permissions when allowNonKubedeck is false", async () => {
    const strict = createPolicy({
      allowNonKubedeck: false,
      roles: { reader: { permissions: ['catalog.*'] } },
      assignments: [{ role: 'reader', users: ['user:default/vic'] }],
    });
    expect(
      await decide(strict, catalogEntityReadPermission, 'user:default/vic'),
    ).toEqual({ result: ALLOW });
    expect(
      await decide(strict, catalogEntityReadPermission, 'user:default/nobody'),
    ).toEqual({ result: DENY });
  });

  it('matches users and groups whatever their case, with the default namespace', async () => {
    const mixed = createPolicy({
      assignments: [
        { role: 'admin', users: ['user:Ann'] },
        { role: 'viewer', groups: ['Group:Default/Developers'] },
      ],
    });
    expect(
      await results(
        mixed,
        [clusterExecPermission, clustersReadPermission],
        'user:default/vic',
      ),
    ).toEqual({
      [clusterExecPermission.name]: DENY,
      [clustersReadPermission.name]: ALLOW,
    });
    expect(
      await decide(mixed, clusterExecPermission, 'User:default/ANN'),
    ).toEqual({ result: ALLOW });
  });

  it('matches globs in configured roles, and lets configuration replace a built-in role', async () => {
    const custom = createPolicy({
      roles: {
        viewer: { permissions: ['kubedeck.clusters.read'] },
        'object-reader': { permissions: ['kubedeck.clusters.*.read'] },
      },
      assignments: [
        { role: 'viewer', users: ['user:default/vic'] },
        { role: 'object-reader', users: ['user:default/rita'] },
      ],
    });
    expect(
      await results(custom, clustersPermissions, 'user:default/rita'),
    ).toEqual({
      [clustersReadPermission.name]: DENY,
      [clusterResourceReadPermission.name]: ALLOW,
      [clusterSecretReadPermission.name]: ALLOW,
      [clusterLogsReadPermission.name]: ALLOW,
      [clusterResourceCreatePermission.name]: DENY,
      [clusterResourceUpdatePermission.name]: DENY,
      [clusterResourceDeletePermission.name]: DENY,
      [clusterExecPermission.name]: DENY,
    });
    expect(
      await decide(custom, clusterResourceReadPermission, 'user:default/vic'),
    ).toEqual({ result: DENY });
  });

  it('logs each Kubedeck decision and its reason at debug level', async () => {
    const logger = mockServices.logger.mock();
    const logged = createPolicy(productionMapping, logger);
    await decide(logged, auditRead, 'user:default/ann');
    await decide(logged, auditRead, 'user:default/vic');
    await decide(logged, catalogEntityReadPermission, 'user:default/vic');
    expect(logger.debug.mock.calls).toEqual([
      [
        "ALLOW kubedeck.audit.read: user:default/ann holds role 'admin' without scope",
      ],
      [
        'DENY kubedeck.audit.read: no role assigned to user:default/vic grants it',
      ],
    ]);
  });

  describe('scoped assignments', () => {
    const scoped = createPolicy({
      assignments: [
        {
          role: 'operator',
          users: ['user:default/otto'],
          clusters: ['demo'],
          namespaces: ['team-a'],
        },
        {
          role: 'viewer',
          groups: ['group:default/kubedeck-operators'],
          kinds: ['Pod', 'Deployment'],
        },
      ],
    });
    const isInCluster = {
      rule: 'IS_IN_CLUSTER',
      resourceType: 'kubedeck-cluster-resource',
      params: { clusters: ['demo'] },
    };
    const isInNamespace = {
      rule: 'IS_IN_NAMESPACE',
      resourceType: 'kubedeck-cluster-resource',
      params: { namespaces: ['team-a'] },
    };
    const isKind = {
      rule: 'IS_KIND',
      resourceType: 'kubedeck-cluster-resource',
      params: { kinds: ['Pod', 'Deployment'] },
    };

    it('makes a resource permission conditional on the scope of the granting role', async () => {
      expect(
        await decide(
          scoped,
          clusterResourceUpdatePermission,
          'user:default/otto',
        ),
      ).toEqual({
        result: CONDITIONAL,
        pluginId: 'clusters',
        resourceType: 'kubedeck-cluster-resource',
        conditions: { anyOf: [{ allOf: [isInCluster, isInNamespace] }] },
      });
    });

    it('combines the scopes of every assignment that grants the permission', async () => {
      expect(
        await decide(scoped, clusterLogsReadPermission, 'user:default/otto'),
      ).toEqual({
        result: CONDITIONAL,
        pluginId: 'clusters',
        resourceType: 'kubedeck-cluster-resource',
        conditions: {
          anyOf: [{ allOf: [isInCluster, isInNamespace] }, { allOf: [isKind] }],
        },
      });
    });

    it('denies a basic permission that is granted only within a scope', async () => {
      expect(
        await decide(scoped, clustersReadPermission, 'user:default/otto'),
      ).toEqual({ result: DENY });
    });

    it('allows outright when an unscoped assignment also grants the permission', async () => {
      const mixed = createPolicy({
        assignments: [
          { role: 'admin', users: ['user:default/otto'], namespaces: ['x'] },
          { role: 'viewer', users: ['user:default/otto'] },
        ],
      });
      expect(
        await decide(mixed, clusterResourceReadPermission, 'user:default/otto'),
      ).toEqual({ result: ALLOW });
      expect(
        await decide(
          mixed,
          clusterResourceDeletePermission,
          'user:default/otto',
        ),
      ).toMatchObject({ result: CONDITIONAL });
    });
  });
});
