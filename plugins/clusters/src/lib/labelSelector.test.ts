import { labelSelectorMatcher } from './labelSelector';

describe('labelSelectorMatcher', () => {
  it('matches equality, inequality, set and existence requirements', () => {
    const match = labelSelectorMatcher(
      'app=web, tier in (frontend, edge),env!=prod,!legacy',
    );

    expect(match({ app: 'web', tier: 'edge' })).toBe(true);
    expect(match({ app: 'web', tier: 'edge', env: 'prod' })).toBe(false);
    expect(match({ app: 'web', tier: 'backend' })).toBe(false);
    expect(match({ app: 'web', tier: 'edge', legacy: 'yes' })).toBe(false);
    expect(labelSelectorMatcher('')(undefined)).toBe(true);
    expect(() => labelSelectorMatcher('a b c')).toThrow('Not a label selector');
  });
});
