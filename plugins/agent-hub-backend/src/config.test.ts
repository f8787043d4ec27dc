import { ConfigReader } from '@backstage/config';
import { readAgentHubConfig } from './config';

const base = { backend: { baseUrl: 'https://portal.example.com' } };

describe('readAgentHubConfig', () => {
  it('refuses a gRPC port that is neither TLS nor explicitly insecure', () => {
    expect(() => readAgentHubConfig(new ConfigReader(base))).toThrow(
      /tls: \{ cert, key \}.*insecure: true/,
    );
    expect(() =>
      readAgentHubConfig(
        new ConfigReader({
          ...base,
          kubedeck: {
            agentHub: {
              grpc: { insecure: true, tls: { cert: 'c', key: 'k' } },
            },
          },
        }),
      ),
    ).toThrow(/not both/);
  });

  it('reads TLS and derives the address agents dial from the backend URL', () => {
    const config = readAgentHubConfig(
      new ConfigReader({
        ...base,
        kubedeck: {
          agentHub: { grpc: { port: 8443, tls: { cert: 'c', key: 'k' } } },
        },
      }),
    );
    expect(config.grpc).toMatchObject({
      port: 8443,
      publicAddress: 'portal.example.com:8443',
      security: { insecure: false, cert: 'c', key: 'k' },
    });
    expect(config.heartbeatIntervalSeconds).toBe(10);
  });
});
