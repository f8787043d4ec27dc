import {
  BackstageUserInfo,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { CLUSTER_RESOURCE_TYPE } from '@kubedeck/plugin-clusters-common';
import { createClusterResourceConditionalDecision } from '@kubedeck/plugin-clusters-node';
import {
  KubedeckPolicySettings,
  readPolicyConfig,
  RoleAssignment,
} from './readPolicyConfig';
import { scopesToCriteria } from './scopeConditions';

const KUBEDECK_PREFIX = 'kubedeck.';

/**
 * Role-based policy for Kubedeck permissions, configured under
 * `kubedeck.permissions`.
 *
 * Every `kubedeck.*` permission is denied unless an assignment matching the
 * user (by user entity ref or by group membership) holds a role that grants
 * it. An unscoped grant allows; grants limited to clusters, namespaces or
 * kinds become a conditional decision for Kubernetes object permissions and a
 * denial for anything else. Other plugins' permissions are allowed unless
 * `allowNonKubedeck` is false, in which case the roles decide them as well.
 *
 * Denials are not announced here: the frontend asks for decisions only to show
 * or hide actions, so the Kubedeck routes announce the requests they refuse.
 */
export class KubedeckPermissionPolicy implements PermissionPolicy {
  private readonly settings: KubedeckPolicySettings;
  private readonly logger: LoggerService;
  private readonly userInfo: UserInfoService;

  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      userInfo: UserInfoService;
    },
  ): KubedeckPermissionPolicy {
    return new KubedeckPermissionPolicy({
      settings: readPolicyConfig(config),
      ...options,
    });
  }

  constructor(options: {
    settings: KubedeckPolicySettings;
    logger: LoggerService;
    userInfo: UserInfoService;
  }) {
    this.settings = options.settings;
    this.logger = options.logger;
    this.userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (
      !permission.name.startsWith(KUBEDECK_PREFIX) &&
      this.settings.allowNonKubedeck
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return this.decide(AuthorizeResult.DENY, permission.name, 'no user');
    }

    const info = await this.userInfo.getUserInfo(user.credentials);
    const who = info.userEntityRef;
    const grants = this.grantingAssignments(permission.name, info);
    if (grants.length === 0) {
      return this.decide(
        AuthorizeResult.DENY,
        permission.name,
        `no role assigned to ${who} grants it`,
      );
    }

    const unscoped = grants.find(grant => !grant.scope);
    if (unscoped) {
      return this.decide(
        AuthorizeResult.ALLOW,
        permission.name,
        `${who} holds role '${unscoped.role}' without scope`,
      );
    }
    if (!isResourcePermission(permission, CLUSTER_RESOURCE_TYPE)) {
      return this.decide(
        AuthorizeResult.DENY,
        permission.name,
        `${who} holds it only within a scope, which cannot apply to a permission that is not about ${CLUSTER_RESOURCE_TYPE}`,
      );
    }
    const roles = grants.map(grant => `'${grant.role}'`).join(', ');
    this.logger.debug(
      `CONDITIONAL ${permission.name}: ${who} holds it within the scopes of ${roles}`,
    );
    return createClusterResourceConditionalDecision(
      permission,
      scopesToCriteria(grants.flatMap(grant => grant.scope ?? [])),
    );
  }

  /** A one-line summary of the configuration, for the startup log. */
  describe(): string {
    const { assignments, allowNonKubedeck } = this.settings;
    return `${
      assignments.length
    } role assignment(s); other plugins' permissions ${
      allowNonKubedeck ? 'allowed' : 'decided by roles'
    }`;
  }

  private grantingAssignments(
    permissionName: string,
    info: BackstageUserInfo,
  ): RoleAssignment[] {
    const userRef = info.userEntityRef.toLocaleLowerCase('en-US');
    const ownership = new Set(
      info.ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US')),
    );
    return this.settings.assignments.filter(
      assignment =>
        (assignment.users.includes(userRef) ||
          assignment.groups.some(group => ownership.has(group))) &&
        assignment.grants(permissionName),
    );
  }

  private decide(
    result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    permissionName: string,
    reason: string,
  ): PolicyDecision {
    this.logger.debug(`${result} ${permissionName}: ${reason}`);
    return { result };
  }
}
