import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterAccessService,
  ClusterRegistryService,
  DiagnosisEventsService,
  DiagnosisFinding,
  DiagnosisFindingSource,
} from '@kubedeck/plugin-clusters-node';
import { DiagnosisStore } from '../database/DiagnosisStore';
import { analyzers as builtIn } from './analyzers';
import { collectSnapshot } from './collectSnapshot';
import { collectSourceReports, mergeFindings } from './mergeFindings';
import { Analyzer, ClusterSnapshot } from './types';

/** Runs every analyzer over a snapshot; one failing analyzer never hides the others. */
export function analyze(
  snapshot: ClusterSnapshot,
  analyzers: Analyzer[],
  logger?: LoggerService,
): DiagnosisFinding[] {
  return analyzers.flatMap(analyzer => {
    try {
      return analyzer(snapshot);
    } catch (error) {
      logger?.warn(
        `Analyzer failed on ${snapshot.cluster}: ${(error as Error).message}`,
      );
      return [];
    }
  });
}

/**
 * Analyzes every cluster, merges in what the finding sources report, keeps the diagnoses and
 * publishes what opened and resolved. An unreachable cluster keeps its diagnoses as they were.
 */
export class DiagnosisService {
  constructor(
    private readonly options: {
      registry: ClusterRegistryService;
      access: ClusterAccessService;
      store: DiagnosisStore;
      events: DiagnosisEventsService;
      logger: LoggerService;
      analyzers?: Analyzer[];
      sources?: DiagnosisFindingSource[];
      /** How long a finding source may take per cluster (default 30 seconds). */
      sourceTimeoutMs?: number;
    },
  ) {}

  async runAll(): Promise<void> {
    const clusters = await this.options.registry.listClusters();
    await Promise.all(clusters.map(cluster => this.runCluster(cluster.name)));
  }

  async runCluster(cluster: string): Promise<void> {
    const { access, store, events, logger } = this.options;
    let snapshot: ClusterSnapshot;
    try {
      snapshot = await collectSnapshot(await access.forPlugin({ cluster }));
    } catch (error) {
      logger.info(`Diagnosis skipped ${cluster}: ${(error as Error).message}`);
      return;
    }
    const analyzed = analyze(
      snapshot,
      this.options.analyzers ?? builtIn,
      logger,
    );
    const reports = await collectSourceReports(
      cluster,
      this.options.sources ?? [],
      () => store.openFindings(cluster),
      logger,
      this.options.sourceTimeoutMs,
    );
    const { opened, resolved } = await store.reconcile(
      cluster,
      mergeFindings(analyzed, reports),
      new Date(),
    );
    for (const diagnosis of opened) {
      await events.publish({ type: 'diagnosis.opened', diagnosis });
    }
    for (const diagnosis of resolved) {
      await events.publish({ type: 'diagnosis.resolved', diagnosis });
    }
  }
}
