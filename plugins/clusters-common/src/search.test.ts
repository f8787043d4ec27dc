import { matchesSearch } from './search';

describe('matchesSearch', () => {
  const pod = { metadata: { name: 'Checkout-7f9', namespace: 'payments' } };
  const event = {
    metadata: { name: 'x.17a', namespace: 'team-a' },
    reason: 'BackOff',
    message: 'Back-off restarting failed container',
  };

  it('matches a case-insensitive part of the name, namespace, event message or reason', () => {
    expect(matchesSearch(pod, 'checkout')).toBe(true);
    expect(matchesSearch(pod, ' PAYM ')).toBe(true);
    expect(matchesSearch(event, 'restarting')).toBe(true);
    expect(matchesSearch(event, 'backoff')).toBe(true);
    expect(matchesSearch(pod, 'ledger')).toBe(false);
  });

  it('matches everything when the search is empty', () => {
    expect(matchesSearch(pod, '')).toBe(true);
    expect(matchesSearch(pod, undefined)).toBe(true);
  });
});
