import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  CLUSTER_RESOURCE_TYPE,
  ClusterResource,
} from '@kubedeck/plugin-clusters-common';
import type { PermissionDenialsService } from '@kubedeck/plugin-kubedeck-node';
import { clusterResourcePermissionRules } from '../rules';

/**
 * A permission on Kubernetes objects.
 *
 * @public
 */
export type ClusterResourcePermission = ResourcePermission<
  typeof CLUSTER_RESOURCE_TYPE
>;

const rules = Object.values(clusterResourcePermissionRules);

/**
 * The rules for Kubernetes objects as a ruleset, so conditional decisions can be evaluated in
 * any plugin.
 *
 * @public
 */
export const clusterResourceRuleset: PermissionRuleset<ClusterResource> = {
  getRuleByName(name: string) {
    const rule = rules.find(candidate => candidate.name === name);
    if (!rule) {
      throw new Error(`Unknown permission rule ${name}`);
    }
    return rule as any;
  },
};

const applyDecision = createConditionAuthorizer(clusterResourceRuleset);

/**
 * The error every Kubedeck route answers when a permission is missing; it names the
 * permission so the UI can say what to ask for.
 *
 * @public
 */
export function missingPermissionError(
  permission: BasicPermission | ClusterResourcePermission,
): NotAllowedError {
  return new NotAllowedError(`Missing permission ${permission.name}`);
}

/**
 * Checks Kubedeck permissions for one caller. Each refusal (a {@link missingPermissionError})
 * is announced through `denials` when given.
 *
 * @public
 */
export class ClusterPermissionChecker {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly credentials: BackstageCredentials,
    private readonly denials?: PermissionDenialsService,
  ) {}

  /** Throws {@link missingPermissionError} unless a basic permission is allowed. */
  async assertBasic(permission: BasicPermission): Promise<void> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials: this.credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw this.refuse(permission);
    }
  }

  /** Whether the caller may act on one object. */
  async isAllowed(
    permission: ClusterResourcePermission,
    resource: ClusterResource,
  ): Promise<boolean> {
    const decision = await this.decide(permission);
    return decision === undefined ? false : decision(resource);
  }

  /** Throws {@link missingPermissionError} unless the caller may act on the object. */
  async assert(
    permission: ClusterResourcePermission,
    resource: ClusterResource,
  ): Promise<void> {
    if (!(await this.isAllowed(permission, resource))) {
      throw this.refuse(permission);
    }
  }

  /**
   * A predicate for filtering lists and watch events by cluster, namespace and kind. Throws
   * {@link missingPermissionError} when the permission is denied outright.
   */
  async filter(
    permission: ClusterResourcePermission,
  ): Promise<(resource: ClusterResource) => boolean> {
    const decision = await this.decide(permission);
    if (!decision) {
      throw this.refuse(permission);
    }
    return decision;
  }

  /** A predicate by cluster, namespace and kind; never throws (denied: always false). */
  async predicate(
    permission: ClusterResourcePermission,
  ): Promise<(resource: ClusterResource) => boolean> {
    return (await this.decide(permission)) ?? (() => false);
  }

  private refuse(
    permission: BasicPermission | ClusterResourcePermission,
  ): NotAllowedError {
    this.denials?.announce(this.credentials, permission);
    return missingPermissionError(permission);
  }

  private async decide(
    permission: ClusterResourcePermission,
  ): Promise<((resource: ClusterResource) => boolean) | undefined> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials: this.credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return () => true;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return undefined;
    }
    return resource => applyDecision(decision, resource);
  }
}
