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
   * Records one analysis of a cluster: findings are opened or refreshed, open diagnoses no
   * longer found are resolved. Returns what changed.
   */
  reconcile(
    cluster: string,
    findings: SourcedFinding[],
    now: Date,
  ): Promise<{ opened: ClusterDiagnosis[]; resolved: ClusterDiagnosis[] }>;
  /** The open diagnoses of one cluster as the findings that were last recorded for them. */
  openFindings(cluster: string): Promise<SourcedFinding[]>;
  list(filter: DiagnosisFilter): Promise<ClusterDiagnosis[]>;
}
