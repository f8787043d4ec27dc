import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';

/** What analyzers look at: one cluster's objects, read in one pass. */
export type ClusterSnapshot = {
  cluster: string;
  pods: any[];
  events: any[];
  nodes: any[];
  pvcs: any[];
  jobs: any[];
  deployments: any[];
  services: any[];
  hpas: any[];
  /** Last lines of previous container runs, by `namespace/pod/container`. */
  previousLogs: Map<string, string[]>;
};

/** Looks at a snapshot and reports problems. */
export type Analyzer = (snapshot: ClusterSnapshot) => DiagnosisFinding[];

/** Messages of the events about one object, newest last (at most `limit`). */
export function eventsAbout(
  snapshot: ClusterSnapshot,
  kind: string,
  namespace: string | undefined,
  name: string,
  limit = 3,
): string[] {
  return snapshot.events
    .filter(
      e =>
        e.involvedObject?.kind === kind &&
        e.involvedObject?.name === name &&
        (namespace === undefined || e.involvedObject?.namespace === namespace),
    )
    .sort((a, b) =>
      String(a.lastTimestamp ?? a.eventTime ?? '').localeCompare(
        String(b.lastTimestamp ?? b.eventTime ?? ''),
      ),
    )
    .slice(-limit)
    .map(
      e =>
        `Event ${e.reason}${e.count > 1 ? ` (x${e.count})` : ''}: ${e.message}`,
    );
}
