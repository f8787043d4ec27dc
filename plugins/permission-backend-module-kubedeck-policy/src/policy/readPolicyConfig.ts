import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { builtInRoles } from './builtInRoles';
import {
  compilePermissionPatterns,
  PermissionMatcher,
} from './permissionPatterns';

const CONFIG_ROOT = 'kubedeck.permissions';
const validator = makeValidator();

/**
 * Limits an assignment to some Kubernetes objects. Every present list must
 * match; an absent list does not restrict.
 */
export type AssignmentScope = {
  clusters?: string[];
  namespaces?: string[];
  kinds?: string[];
};

/**
 * One entry of `kubedeck.permissions.assignments`, with entity refs in their
 * canonical (lower-case, namespaced) form.
 */
export type RoleAssignment = {
  role: string;
  /** Whether the role grants a permission, by name. */
  grants: PermissionMatcher;
  users: string[];
  groups: string[];
  scope?: AssignmentScope;
};

/**
 * The validated policy configuration.
 */
export type KubedeckPolicySettings = {
  allowNonKubedeck: boolean;
  assignments: RoleAssignment[];
};

function readRoles(config: Config | undefined): Map<string, PermissionMatcher> {
  const patterns = new Map(Object.entries(builtInRoles));
  const rolesConfig = config?.getOptionalConfig('roles');
  if (rolesConfig) {
    for (const name of rolesConfig.keys()) {
      patterns.set(
        name,
        rolesConfig.getConfig(name).getStringArray('permissions'),
      );
    }
  }
  return new Map(
    [...patterns].map(([name, list]) => [
      name,
      compilePermissionPatterns(
        list,
        `${CONFIG_ROOT}.roles.${name}.permissions`,
      ),
    ]),
  );
}

function readEntityRefs(
  config: Config,
  key: 'users' | 'groups',
  where: string,
): string[] {
  const kind = key === 'users' ? 'user' : 'group';
  return (config.getOptionalStringArray(key) ?? []).map((ref, index) => {
    let parsed: CompoundEntityRef | undefined;
    try {
      parsed = parseEntityRef(ref, {
        defaultKind: kind,
        defaultNamespace: 'default',
      });
    } catch {
      // reported below
    }
    if (
      !parsed ||
      !validator.isValidNamespace(
        parsed.namespace.toLocaleLowerCase('en-US'),
      ) ||
      !validator.isValidEntityName(parsed.name)
    ) {
      throw new Error(
        `${where}.${key}[${index}] '${ref}' is not an entity ref like '${kind}:default/name'`,
      );
    }
    if (parsed.kind.toLocaleLowerCase('en-US') !== kind) {
      throw new Error(
        `${where}.${key}[${index}] '${ref}' must refer to a ${kind}, not a ${parsed.kind}`,
      );
    }
    return stringifyEntityRef(parsed);
  });
}

function readScope(config: Config, where: string): AssignmentScope | undefined {
  const scope: AssignmentScope = {};
  for (const key of ['clusters', 'namespaces', 'kinds'] as const) {
    const values = config.getOptionalStringArray(key);
    if (values?.length === 0) {
      throw new Error(
        `${where}.${key} is empty, which would match nothing; leave it out to allow all ${key}`,
      );
    }
    if (values) {
      scope[key] = values;
    }
  }
  return Object.keys(scope).length > 0 ? scope : undefined;
}

function readAssignment(
  config: Config,
  where: string,
  roles: Map<string, PermissionMatcher>,
): RoleAssignment {
  const role = config.getString('role');
  const grants = roles.get(role);
  if (!grants) {
    throw new Error(
      `${where}.role '${role}' is not a role; known roles are ${[
        ...roles.keys(),
      ]
        .sort()
        .join(', ')}`,
    );
  }
  const users = readEntityRefs(config, 'users', where);
  const groups = readEntityRefs(config, 'groups', where);
  if (users.length === 0 && groups.length === 0) {
    throw new Error(`${where} must name at least one user or group`);
  }
  return { role, grants, users, groups, scope: readScope(config, where) };
}

/**
 * Reads and validates `kubedeck.permissions`. Throws an error naming the
 * offending key when the configuration is invalid, so that a broken policy
 * stops the backend at startup instead of denying or allowing by surprise.
 */
export function readPolicyConfig(rootConfig: Config): KubedeckPolicySettings {
  const config = rootConfig.getOptionalConfig(CONFIG_ROOT);
  const roles = readRoles(config);
  const assignments = (config?.getOptionalConfigArray('assignments') ?? []).map(
    (assignment, index) =>
      readAssignment(assignment, `${CONFIG_ROOT}.assignments[${index}]`, roles),
  );
  return {
    allowNonKubedeck: config?.getOptionalBoolean('allowNonKubedeck') ?? true,
    assignments,
  };
}
