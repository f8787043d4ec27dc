import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';
import type { ClusterDiagnosis } from '@kubedeck/plugin-clusters-common';

/** Which diagnoses to list. */
export type DiagnosisFilter = {
  cluster?: string;
  namespace?: string;
  kind?: string;
  name?: string;
  state: 'open' | 'resolved' | 'all';
  limit?: number;
};

/**
 * A finding with the ids of the finding sources that reported it; none or empty means only
 * the clusters plugin's own analyzers did.
 */
export type SourcedFinding = DiagnosisFinding & { sources?: string[] };

/** Keeps diagnoses with first seen, last seen and resolved times. */
export interface DiagnosisStore {
  /**
   * Records one analysis of a cluster: findings are opened or refreshed, open diagnoses not
   * found for `resolveAfterMs` (default 0) are resolved; one found again before that stays the
   * same diagnosis. Returns what changed.
   */
  reconcile(
    cluster: string,
    findings: SourcedFinding[],
    now: Date,
    options?: { resolveAfterMs?: number },
  ): Promise<{ opened: ClusterDiagnosis[]; resolved: ClusterDiagnosis[] }>;
  /** The open diagnoses of one cluster as the findings that were last recorded for them. */
  openFindings(cluster: string): Promise<SourcedFinding[]>;
  list(filter: DiagnosisFilter): Promise<ClusterDiagnosis[]>;
}
