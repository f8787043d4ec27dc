import { readAgentConfig } from './config';

describe('readAgentConfig', () => {
  const base = {
    KUBEDECK_HUB_ADDRESS: 'hub:7443',
    KUBEDECK_CLUSTER_NAME: 'edge',
    KUBEDECK_NAMESPACE: 'agents',
  };

  it('reads the environment with a 60 s backoff cap by default', () => {
    expect(
      readAgentConfig({ ...base, KUBEDECK_REGISTRATION_TOKEN: 't' }),
    ).toMatchObject({
      hubAddress: 'hub:7443',
      clusterName: 'edge',
      registrationToken: 't',
      credentialsNamespace: 'agents',
      hubInsecure: false,
      backoffCapMs: 60_000,
    });
    expect(
      readAgentConfig({ ...base, KUBEDECK_BACKOFF_CAP_SECONDS: '5' })
        .backoffCapMs,
    ).toBe(5_000);
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => readAgentConfig({ KUBEDECK_CLUSTER_NAME: 'x' })).toThrow(
      /KUBEDECK_HUB_ADDRESS/,
    );
    expect(() => readAgentConfig({ KUBEDECK_HUB_ADDRESS: 'h:1' })).toThrow(
      /KUBEDECK_CLUSTER_NAME/,
    );
    expect(() =>
      readAgentConfig({ ...base, KUBEDECK_BACKOFF_CAP_SECONDS: 'soon' }),
    ).toThrow(/KUBEDECK_BACKOFF_CAP_SECONDS/);
  });

  it('reads push-only mode, which needs no hub address when given the API key', () => {
    expect(
      readAgentConfig({
        KUBEDECK_CLUSTER_NAME: 'edge',
        KUBEDECK_NAMESPACE: 'agents',
        KUBEDECK_PUSH_URL: 'https://portal.example.com/',
        KUBEDECK_API_KEY: 'kda_x',
        KUBEDECK_PUSH_INTERVAL_SECONDS: '30',
      }),
    ).toMatchObject({
      pushUrl: 'https://portal.example.com',
      apiKey: 'kda_x',
      pushIntervalMs: 30_000,
    });
    expect(() =>
      readAgentConfig({ ...base, KUBEDECK_PUSH_URL: 'portal.example.com' }),
    ).toThrow(/KUBEDECK_PUSH_URL/);
    expect(() =>
      readAgentConfig({
        KUBEDECK_CLUSTER_NAME: 'edge',
        KUBEDECK_PUSH_URL: 'https://portal.example.com',
      }),
    ).toThrow(/KUBEDECK_HUB_ADDRESS/);
  });
});
