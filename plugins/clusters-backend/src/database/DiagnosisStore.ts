import type { ClusterDiagnosis } from '@kubedeck/plugin-clusters-common';
import type { Finding } from '../diagnosis/types';

/** Which diagnoses to list. */
export type DiagnosisFilter = {
  cluster?: string;
  namespace?: string;
  kind?: string;
  name?: string;
  state: 'open' | 'resolved' | 'all';
  limit?: number;
};

/** Keeps diagnoses with first seen, last seen and resolved times. */
export interface DiagnosisStore {
  /**
   * Records one analysis of a cluster: findings are opened or refreshed, open diagnoses no
   * longer found are resolved. Returns what changed.
   */
  reconcile(
    cluster: string,
    findings: Finding[],
    now: Date,
  ): Promise<{ opened: ClusterDiagnosis[]; resolved: ClusterDiagnosis[] }>;
  list(filter: DiagnosisFilter): Promise<ClusterDiagnosis[]>;
}
