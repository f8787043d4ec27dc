import { REDACTED, redactSecrets, redactSecretText } from './redact';

describe('redactSecrets', () => {
  it('removes values under secret-looking keys at any depth', () => {
    const input = {
      cluster: 'prod',
      apiKey: 'k-123',
      nested: {
        Authorization: 'Basic abc',
        clientSecret: 's3cr3t',
        list: [{ password: 'hunter2', name: 'db' }],
        private_key: { pem: '-----BEGIN-----' },
        api_key: 'x',
        refreshToken: 'r',
        credentials: ['a', 'b'],
      },
    };

    expect(redactSecrets(input)).toEqual({
      cluster: 'prod',
      apiKey: REDACTED,
      nested: {
        Authorization: REDACTED,
        clientSecret: REDACTED,
        list: [{ password: REDACTED, name: 'db' }],
        private_key: REDACTED,
        api_key: REDACTED,
        refreshToken: REDACTED,
        credentials: REDACTED,
      },
    });
    expect(input.apiKey).toBe('k-123');
  });

  it('removes bearer tokens and JWTs from values under ordinary keys', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
    const out = redactSecrets({
      header: 'Bearer abc.def-ghi',
      note: `ran with ${jwt} today`,
      count: 3,
      ok: true,
      nothing: null,
    });

    expect(out).toEqual({
      header: `Bearer ${REDACTED}`,
      note: `ran with ${REDACTED} today`,
      count: 3,
      ok: true,
      nothing: null,
    });
    expect(JSON.stringify(out)).not.toContain('abc.def-ghi');
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecretText('kubectl delete pod web-1')).toBe(
      'kubectl delete pod web-1',
    );
  });
});
