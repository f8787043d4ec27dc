import { createTokenRequestSchema, pushReportSchema } from './api';
import { rulesAllowImpersonation, rulesForPreset } from './presets';

describe('createTokenRequestSchema', () => {
  it('defaults the expiry to 24 hours', () => {
    expect(
      createTokenRequestSchema.parse({
        clusterName: 'prod-eu',
        preset: 'read-only',
      }),
    ).toEqual({
      clusterName: 'prod-eu',
      preset: 'read-only',
      expiresInHours: 24,
    });
  });

  it('says what is wrong', () => {
    const custom = createTokenRequestSchema.safeParse({
      clusterName: 'x',
      preset: 'custom',
    });
    expect(custom.success).toBe(false);
    expect(JSON.stringify(custom.error?.issues)).toContain(
      'preset custom needs at least one rule',
    );
    const label = createTokenRequestSchema.safeParse({
      clusterName: 'Prod',
      preset: 'admin',
    });
    expect(JSON.stringify(label.error?.issues)).toContain('DNS label');
  });
});

describe('presets', () => {
  it('let only admin (or custom rules granting it) impersonate portal users', () => {
    expect(rulesAllowImpersonation(rulesForPreset('admin'))).toBe(true);
    expect(rulesAllowImpersonation(rulesForPreset('operator'))).toBe(false);
    expect(rulesAllowImpersonation(rulesForPreset('read-only'))).toBe(false);
    expect(
      rulesAllowImpersonation(
        rulesForPreset('custom', [
          { apiGroups: [''], resources: ['users'], verbs: ['impersonate'] },
        ]),
      ),
    ).toBe(true);
  });
});

describe('pushReportSchema', () => {
  it('accepts failures and refuses unknown fields', () => {
    expect(
      pushReportSchema.safeParse({
        failures: [{ reason: 'OOMKilled', namespace: 'a', pod: 'b' }],
      }).success,
    ).toBe(true);
    expect(pushReportSchema.safeParse({ failures: [], extra: 1 }).success).toBe(
      false,
    );
  });
});
