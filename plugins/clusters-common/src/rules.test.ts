import {
  isInClusterParamsSchema,
  isInNamespaceParamsSchema,
  isKindParamsSchema,
} from './rules';

describe('rule parameter schemas', () => {
  it('accept lists of names', () => {
    expect(isInClusterParamsSchema.parse({ clusters: ['demo'] })).toEqual({
      clusters: ['demo'],
    });
    expect(isInNamespaceParamsSchema.parse({ namespaces: ['team-a'] })).toEqual(
      { namespaces: ['team-a'] },
    );
    expect(isKindParamsSchema.parse({ kinds: ['Pod'] })).toEqual({
      kinds: ['Pod'],
    });
  });

  it('reject a missing or mistyped list', () => {
    expect(isInClusterParamsSchema.safeParse({}).success).toBe(false);
    expect(
      isInNamespaceParamsSchema.safeParse({ namespaces: 'team-a' }).success,
    ).toBe(false);
    expect(isKindParamsSchema.safeParse({ kinds: [1] }).success).toBe(false);
  });
});
