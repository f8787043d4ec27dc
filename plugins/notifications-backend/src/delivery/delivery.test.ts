import { RateLimiter, retryDelay } from './backoff';
import { buildDigest, digestKey } from './DigestService';
import { appRelativeLink } from './messages';

describe('retryDelay', () => {
  it('grows exponentially with jitter and never undercuts Retry-After', () => {
    expect(retryDelay(1, { baseMs: 1000 }, () => 0)).toBe(500);
    expect(retryDelay(1, { baseMs: 1000 }, () => 1)).toBe(1000);
    expect(retryDelay(4, { baseMs: 1000 }, () => 1)).toBe(8000);
    expect(retryDelay(30, { baseMs: 1000, maxMs: 60_000 }, () => 1)).toBe(
      60_000,
    );
    expect(retryDelay(1, { baseMs: 1000, retryAfterMs: 45_000 }, () => 1)).toBe(
      45_000,
    );
  });
});

describe('RateLimiter', () => {
  it('allows the limit per window and says how long to wait after it', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 20; i++) {
      expect(limiter.reserve('telegram:42', 20, 60_000, 1000 + i)).toBe(0);
    }
    expect(limiter.reserve('telegram:42', 20, 60_000, 2000)).toBe(59_000);
    expect(limiter.reserve('telegram:43', 20, 60_000, 2000)).toBe(0);
    expect(limiter.reserve('telegram:42', 20, 60_000, 61_000)).toBe(0);
  });
});

describe('digests', () => {
  it('names daily digests by day and weekly ones by the Monday starting the week', () => {
    const thursday = Date.parse('2026-11-26T07:00:00Z');
    expect(digestKey('daily', thursday)).toBe('daily:2026-11-26');
    expect(digestKey('weekly', thursday)).toBe('weekly:2026-11-23');
    expect(digestKey('weekly', Date.parse('2026-11-23T00:00:00Z'))).toBe(
      'weekly:2026-11-23',
    );
  });

  it('groups by cluster and category with counts and the most severe items first', () => {
    const group = (
      title: string,
      severity: any,
      count: number,
      cluster = 'demo',
    ) => ({
      id: title,
      fingerprint: title,
      status: 'open' as const,
      category: 'alerts.operations',
      severity,
      cluster,
      title,
      count,
      firstSeen: 0,
      lastSeen: 0,
    });
    const digest = buildDigest('weekly', [
      group('job failed', 'medium', 5),
      group('rollout stuck', 'high', 1),
      group('node flapping', 'high', 3, 'prod'),
    ]);
    expect(digest).toEqual({
      period: 'weekly',
      sections: [
        {
          cluster: 'demo',
          category: 'alerts.operations',
          count: 6,
          top: [
            expect.objectContaining({ title: 'rollout stuck', count: 1 }),
            expect.objectContaining({ title: 'job failed', count: 5 }),
          ],
        },
        expect.objectContaining({ cluster: 'prod', count: 3 }),
      ],
    });
  });
});

describe('appRelativeLink', () => {
  it('turns links into the portal into paths and leaves other links alone', () => {
    const base = 'https://portal.example.com/';
    expect(
      appRelativeLink('https://portal.example.com/clusters/demo?x=1#y', base),
    ).toBe('/clusters/demo?x=1#y');
    expect(appRelativeLink('https://portal.example.com', base)).toBe('/');
    expect(
      appRelativeLink('https://portal.example.com.evil.example/x', base),
    ).toBe('https://portal.example.com.evil.example/x');
    expect(appRelativeLink('https://status.example.com/', base)).toBe(
      'https://status.example.com/',
    );
    expect(appRelativeLink(undefined, base)).toBeUndefined();
  });
});
