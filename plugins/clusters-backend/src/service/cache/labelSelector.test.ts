import { compileLabelSelector } from './labelSelector';

describe('compileLabelSelector', () => {
  const labels = { app: 'web', tier: 'frontend', canary: '' };

  it.each([
    ['', true],
    ['app=web', true],
    ['app==web,tier=frontend', true],
    ['app!=web', false],
    ['app in (api, web)', true],
    ['tier notin (frontend)', false],
    ['canary', true],
    ['!canary', false],
    ['missing', false],
    ['app=web,missing notin (x)', true],
  ])('%p matches: %p', (selector, expected) => {
    expect(compileLabelSelector(selector)(labels)).toBe(expected);
  });

  it('refuses what it cannot read', () => {
    expect(() => compileLabelSelector('app=(web')).toThrow(
      /Invalid label selector/,
    );
  });
});
