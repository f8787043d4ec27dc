import { ConfigReader } from '@backstage/config';
import { readPolicyConfig } from './readPolicyConfig';

function read(permissions: object) {
  return readPolicyConfig(new ConfigReader({ kubedeck: { permissions } }));
}

describe('readPolicyConfig', () => {
  it('works without any configuration: non-Kubedeck allowed, nobody assigned', () => {
    expect(readPolicyConfig(new ConfigReader({}))).toEqual({
      allowNonKubedeck: true,
      assignments: [],
    });
  });

  it('canonicalizes entity refs and keeps the scope', () => {
    const { assignments } = read({
      assignments: [
        {
          role: 'operator',
          users: ['user:guest', 'Jane', 'user:team/Bob'],
          groups: ['group:default/platform', 'ops'],
          namespaces: ['team-a'],
        },
      ],
    });
    expect(assignments).toEqual([
      {
        role: 'operator',
        grants: expect.any(Function),
        users: ['user:default/guest', 'user:default/jane', 'user:team/bob'],
        groups: ['group:default/platform', 'group:default/ops'],
        scope: { namespaces: ['team-a'] },
      },
    ]);
  });

  it.each([
    [
      'an unknown role',
      { assignments: [{ role: 'root', users: ['user:default/a'] }] },
      "kubedeck.permissions.assignments[0].role 'root' is not a role; known roles are admin, operator, viewer",
    ],
    [
      'a malformed user ref',
      {
        assignments: [
          { role: 'viewer', users: ['user:default/a', 'user:a/b/c'] },
        ],
      },
      "kubedeck.permissions.assignments[0].users[1] 'user:a/b/c' is not an entity ref like 'user:default/name'",
    ],
    [
      'a group where a user belongs',
      { assignments: [{ role: 'viewer', users: ['group:default/a'] }] },
      "kubedeck.permissions.assignments[0].users[0] 'group:default/a' must refer to a user, not a group",
    ],
    [
      'an empty group ref',
      { assignments: [{ role: 'viewer', groups: ['group:'] }] },
      "kubedeck.permissions.assignments[0].groups[0] 'group:' is not an entity ref like 'group:default/name'",
    ],
    [
      'an assignment to nobody',
      { assignments: [{ role: 'viewer', clusters: ['demo'] }] },
      'kubedeck.permissions.assignments[0] must name at least one user or group',
    ],
    [
      'an empty scope list',
      {
        assignments: [{ role: 'viewer', users: ['user:default/a'], kinds: [] }],
      },
      'kubedeck.permissions.assignments[0].kinds is empty, which would match nothing; leave it out to allow all kinds',
    ],
    [
      'a role without permissions',
      { roles: { auditor: { permissions: [] } } },
      'kubedeck.permissions.roles.auditor.permissions must list at least one permission',
    ],
    [
      'a malformed permission pattern',
      { roles: { auditor: { permissions: ['kubedeck.audit read'] } } },
      "kubedeck.permissions.roles.auditor.permissions[0] 'kubedeck.audit read' is not a permission name or glob",
    ],
  ])('refuses %s', (_, permissions, message) => {
    expect(() => read(permissions)).toThrow(message);
  });

  it('refuses a value of the wrong type, naming its key', () => {
    expect(() =>
      read({ assignments: [{ role: 'viewer', users: 'x' }] }),
    ).toThrow(/kubedeck\.permissions\.assignments\[0\]\.users/);
  });
});
