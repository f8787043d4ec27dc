import type { Config } from '@backstage/config';

/** How the gRPC port is secured. */
export type GrpcSecurity =
  | { insecure: true }
  | { insecure: false; cert: string; key: string; ca?: string };

/** Everything the agent hub reads from `kubedeck.agentHub`. */
export type AgentHubConfig = {
  grpc: {
    host: string;
    port: number;
    /** What agents dial (`host:port`), shown in install commands. */
    publicAddress: string;
    security: GrpcSecurity;
  };
  heartbeatIntervalSeconds: number;
  offlineAfterSeconds: number;
  initialWindowBytes: number;
  install: { chart: string; image: string; namespace: string };
  report: { requestsPerMinute: number };
  /** The backend's external base URL, for the manifests link. */
  baseUrl: string;
};

function readSecurity(grpc: Config | undefined): GrpcSecurity {
  const tls = grpc?.getOptionalConfig('tls');
  const insecure = grpc?.getOptionalBoolean('insecure') ?? false;
  if (tls && insecure) {
    throw new Error(
      'kubedeck.agentHub.grpc takes either tls or insecure: true, not both',
    );
  }
  if (tls) {
    return {
      insecure: false,
      cert: tls.getString('cert'),
      key: tls.getString('key'),
      ca: tls.getOptionalString('ca'),
    };
  }
  if (insecure) {
    return { insecure: true };
  }
  throw new Error(
    'kubedeck.agentHub.grpc needs tls: { cert, key } (PEM); plaintext only with insecure: true for development',
  );
}

/** Reads `kubedeck.agentHub`; refuses a gRPC port that is neither TLS nor explicitly insecure. */
export function readAgentHubConfig(config: Config): AgentHubConfig {
  const hub = config.getOptionalConfig('kubedeck.agentHub');
  const grpc = hub?.getOptionalConfig('grpc');
  const port = grpc?.getOptionalNumber('port') ?? 7443;
  const baseUrl = config.getString('backend.baseUrl').replace(/\/+$/, '');
  return {
    grpc: {
      host: grpc?.getOptionalString('host') ?? '0.0.0.0',
      port,
      publicAddress:
        grpc?.getOptionalString('publicAddress') ??
        `${new URL(baseUrl).hostname}:${port}`,
      security: readSecurity(grpc),
    },
    heartbeatIntervalSeconds:
      hub?.getOptionalNumber('heartbeatIntervalSeconds') ?? 10,
    offlineAfterSeconds: hub?.getOptionalNumber('offlineAfterSeconds') ?? 120,
    initialWindowBytes:
      hub?.getOptionalNumber('initialWindowBytes') ?? 256 * 1024,
    install: {
      chart:
        hub?.getOptionalString('install.chart') ??
        'oci://ghcr.io/kubedeck/charts/kubedeck-agent',
      image:
        hub?.getOptionalString('install.image') ??
        'ghcr.io/kubedeck/agent:0.1.0',
      namespace:
        hub?.getOptionalString('install.namespace') ?? 'kubedeck-agent',
    },
    report: {
      requestsPerMinute:
        hub?.getOptionalNumber('report.requestsPerMinute') ?? 60,
    },
    baseUrl,
  };
}
