import { createNamespacePredicate } from './namespaceFilter';

describe('createNamespacePredicate', () => {
  it('shows every namespace without filters', () => {
    expect(createNamespacePredicate(undefined)({ name: 'kube-system' })).toBe(
      true,
    );
  });

  it('applies the allowlist, include and exclude patterns to the whole name', () => {
    const visible = createNamespacePredicate({
      allow: ['team-a', 'team-b', 'team-bx'],
      include: ['team-.'],
      exclude: ['team-b'],
    });
    expect(visible({ name: 'team-a' })).toBe(true);
    expect(visible({ name: 'team-b' })).toBe(false);
    expect(visible({ name: 'team-bx' })).toBe(false);
    expect(visible({ name: 'default' })).toBe(false);
  });

  it('hides namespaces carrying an excluded label or label value', () => {
    const visible = createNamespacePredicate({
      excludeLabels: ['kubedeck.io/hidden', 'tier=system'],
    });
    expect(visible({ name: 'a', labels: { 'kubedeck.io/hidden': '' } })).toBe(
      false,
    );
    expect(visible({ name: 'b', labels: { tier: 'system' } })).toBe(false);
    expect(visible({ name: 'c', labels: { tier: 'apps' } })).toBe(true);
  });
});
