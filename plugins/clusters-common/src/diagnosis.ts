/**
 * The problems the clusters backend detects.
 *
 * @public
 */
export type DiagnosisType =
  | 'CrashLoopBackOff'
  | 'OOMKilled'
  | 'ImagePullBackOff'
  | 'CreateContainerConfigError'
  | 'Unschedulable'
  | 'ProbeFailing'
  | 'NodeNotReady'
  | 'PvcPending'
  | 'JobFailed'
  | 'DeploymentUnavailable'
  | 'ServiceWithoutPods'
  | 'HpaMetricsUnavailable';

/** @public */
export type DiagnosisSeverity = 'critical' | 'warning';

/**
 * One detected problem of one object, as `GET /api/clusters/v1/diagnoses` lists it.
 *
 * @public
 */
export type ClusterDiagnosis = {
  /** Stable id: the same problem of the same object keeps its id. */
  id: string;
  cluster: string;
  kind: string;
  namespace?: string;
  name: string;
  type: DiagnosisType;
  severity: DiagnosisSeverity;
  /** One line: what is wrong. */
  title: string;
  /** Facts that show it: events, exit codes, conditions, last log lines. */
  evidence: string[];
  /** What to do about it. */
  fix: string;
  firstSeen: string;
  lastSeen: string;
  /** Set once the problem is gone. */
  resolvedAt?: string;
};

/**
 * Counts of open diagnoses of one cluster.
 *
 * @public
 */
export type ClusterHealthSummary = {
  cluster: string;
  critical: number;
  warning: number;
  byType: Partial<Record<DiagnosisType, number>>;
};
