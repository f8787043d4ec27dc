import { ClusterClient } from '@kubedeck/plugin-clusters-node';

/** What a follow stream does after its upstream ended. */
export type FollowOutcome =
  /** Container runs: the upstream was cut, reconnect now. */
  | 'reconnect'
  /** Container waits to (re)start: try again shortly. */
  | 'wait'
  /** Container finished for good, or the pod is gone: read what is left, then stop. */
  | 'finish';

/** Decides how to continue following a container whose upstream log stream ended. */
export async function followOutcome(
  client: ClusterClient,
  namespace: string,
  pod: string,
  container: string,
  signal: AbortSignal,
): Promise<FollowOutcome> {
  const response = await client.request({
    path: `/api/v1/namespaces/${encodeURIComponent(
      namespace,
    )}/pods/${encodeURIComponent(pod)}`,
    signal,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) {
    chunks.push(Buffer.from(chunk));
  }
  if (response.status === 404) {
    return 'finish';
  }
  if (response.status !== 200) {
    return 'wait';
  }
  const object = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (object.metadata?.deletionTimestamp) {
    return 'finish';
  }
  const statuses = [
    ...(object.status?.containerStatuses ?? []),
    ...(object.status?.initContainerStatuses ?? []),
  ];
  const status = statuses.find((s: any) => s.name === container);
  if (status?.state?.running) {
    return 'reconnect';
  }
  const phase = object.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return 'finish';
  }
  return 'wait';
}
