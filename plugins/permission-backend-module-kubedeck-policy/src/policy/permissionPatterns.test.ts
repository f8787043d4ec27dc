import { compilePermissionPatterns } from './permissionPatterns';

describe('compilePermissionPatterns', () => {
  it('matches exact names', () => {
    const grants = compilePermissionPatterns(['kubedeck.clusters.read'], 'x');
    expect(grants('kubedeck.clusters.read')).toBe(true);
    expect(grants('kubedeck.clusters.reader')).toBe(false);
    expect(grants('kubedeck-clusters-read')).toBe(false);
  });

  it('lets * match any run of characters, dots included', () => {
    const grants = compilePermissionPatterns(['kubedeck.*'], 'x');
    expect(grants('kubedeck.clusters.resource.read')).toBe(true);
    expect(grants('kubedeck.audit.read')).toBe(true);
    expect(grants('kubedeck')).toBe(false);
    expect(grants('catalog.entity.read')).toBe(false);
  });

  it('matches any of several patterns, wildcards in the middle included', () => {
    const grants = compilePermissionPatterns(
      ['kubedeck.clusters.*.read', 'kubedeck.audit.read'],
      'x',
    );
    expect(grants('kubedeck.clusters.secret.read')).toBe(true);
    expect(grants('kubedeck.audit.read')).toBe(true);
    expect(grants('kubedeck.clusters.read')).toBe(false);
    expect(grants('kubedeck.clusters.resource.update')).toBe(false);
  });
});
