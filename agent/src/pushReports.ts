import type { ClusterInfo, FailureReport } from '@kubedeck/agent-proto';

/** The hub refused a push; `retryAfterMs` is set when it was rate limited (429). */
export class PushRefusedError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'PushRefusedError';
  }
}

/** A failure as `POST /api/agent-hub/v1/report` takes it (the hub's `pushReportSchema`). */
function toReportFailure(report: FailureReport) {
  return {
    reason: report.reason,
    namespace: report.namespace,
    pod: report.pod,
    container: report.container || undefined,
    message: report.message || undefined,
    detectedAt: report.detectedAtMs
      ? new Date(Number(report.detectedAtMs)).toISOString()
      : undefined,
    events: (report.events ?? []).map(e => ({
      reason: e.reason ?? '',
      message: e.message ?? '',
      type: e.type || undefined,
      count: e.count ?? undefined,
      lastTimestamp: e.lastTimestamp || undefined,
    })),
  };
}

/**
 * Push-only mode: posts every failure the agent sees now (a failure left out has resolved) and,
 * when given, its cluster info to the portal, authenticated with the agent credential as
 * `X-API-Key`. Resolves with the agent id the hub knows the credential by.
 */
export async function pushReport(options: {
  pushUrl: string;
  credential: string;
  failures: FailureReport[];
  clusterInfo?: ClusterInfo;
  signal?: AbortSignal;
}): Promise<{ agentId?: string }> {
  const { agentVersion, ...clusterInfo } = options.clusterInfo ?? {};
  const body = {
    failures: options.failures.slice(0, 500).map(toReportFailure),
    ...(options.clusterInfo ? { clusterInfo, agentVersion } : {}),
  };
  const response = await fetch(`${options.pushUrl}/api/agent-hub/v1/report`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': options.credential,
    },
    body: JSON.stringify(body),
    signal: options.signal ?? AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.ok) {
    try {
      return JSON.parse(text);
    } catch {
      return {};
    }
  }
  let message = text;
  try {
    message = JSON.parse(text).error?.message ?? text;
  } catch {
    // not JSON: keep the text
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new PushRefusedError(
    `The hub refused the report (${response.status}): ${message}`,
    response.status,
    response.status === 429 && Number.isFinite(retryAfter)
      ? Math.max(1, retryAfter) * 1000
      : undefined,
  );
}
