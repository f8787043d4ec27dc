import {
  clusterExecPermission,
  clusterLogsReadPermission,
  clusterResourceCreatePermission,
  clusterResourceDeletePermission,
  clusterResourceReadPermission,
  clusterResourceUpdatePermission,
  clusterSecretReadPermission,
  clustersReadPermission,
} from '@kubedeck/plugin-clusters-common';

const viewer = [
  clustersReadPermission.name,
  clusterResourceReadPermission.name,
  clusterLogsReadPermission.name,
];

const operator = [
  ...viewer,
  clusterResourceCreatePermission.name,
  clusterResourceUpdatePermission.name,
  clusterResourceDeletePermission.name,
  clusterSecretReadPermission.name,
  clusterExecPermission.name,
];

/**
 * The roles that exist without any configuration. `kubedeck.permissions.roles`
 * may replace their permission lists or add roles.
 *
 * - `viewer` reads clusters, objects and logs; no secret values, no exec, no
 *   writes, no admin actions.
 * - `operator` is a viewer who may also create, change and delete objects,
 *   exec into containers and read secret values.
 * - `admin` holds every Kubedeck permission, including the admin actions of
 *   other Kubedeck plugins (agent tokens, notification channels, audit).
 */
export const builtInRoles: Record<string, string[]> = {
  viewer,
  operator,
  admin: ['kubedeck.*'],
};
