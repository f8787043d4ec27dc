import { compileFieldSelector } from './fieldSelector';
import { compileLabelSelector, formatLabelSelector } from './labelSelector';
import { StoreError, type KubeObject } from './types';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', 'example.com/team': 'a' };
  const matches = (selector: string) => compileLabelSelector(selector)!(labels);

  it('supports equality, inequality and set operators', () => {
    expect(matches('app=web')).toBe(true);
    expect(matches('app==web')).toBe(true);
    expect(matches('app!=web')).toBe(false);
    expect(matches('app!=db')).toBe(true);
    expect(matches('missing!=x')).toBe(true);
    expect(matches('tier in (frontend, backend)')).toBe(true);
    expect(matches('tier notin (frontend)')).toBe(false);
    expect(matches('tier notin (backend),app=web')).toBe(true);
    expect(matches('example.com/team')).toBe(true);
    expect(matches('!example.com/team')).toBe(false);
    expect(matches('!missing')).toBe(true);
    expect(matches('app=web,tier=backend')).toBe(false);
  });

  it('matches everything when empty and nothing-labelled objects only by negations', () => {
    expect(compileLabelSelector('')).toBeUndefined();
    expect(compileLabelSelector('app!=x')!(undefined)).toBe(true);
    expect(compileLabelSelector('app')!(undefined)).toBe(false);
  });

  it('rejects malformed selectors with a 400', () => {
    expect(() => compileLabelSelector('app=(web')).toThrow(StoreError);
    expect(() => compileLabelSelector('tier in ()')).toThrow(/values set can't be empty/);
  });

  it('formats structured selectors', () => {
    expect(
      formatLabelSelector({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'x', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=web,tier in (a,b),!x');
  });
});

describe('field selectors', () => {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'ns' },
    spec: { nodeName: 'node-1' },
    status: { phase: 'Running' },
  };

  it('compares dotted paths with =, == and !=', () => {
    expect(compileFieldSelector('metadata.name=p,metadata.namespace==ns')!(pod)).toBe(true);
    expect(compileFieldSelector('status.phase!=Running')!(pod)).toBe(false);
    expect(compileFieldSelector('spec.nodeName=node-1')!(pod)).toBe(true);
    expect(compileFieldSelector('spec.nodeName=')!({ ...pod, spec: {} })).toBe(true);
  });

  it('rejects terms without an operator', () => {
    expect(() => compileFieldSelector('status.phase')).toThrow(/invalid selector/);
  });
});
