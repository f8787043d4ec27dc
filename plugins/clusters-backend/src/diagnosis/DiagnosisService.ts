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
import {
  analyzerFindingsOf,
  collectSourceReports,
  mergeFindings,
} from './mergeFindings';
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
 * publishes what opened and resolved. While a cluster cannot be read, the analyzers' diagnoses
 * stay as they were and only the sources' reports change (a push-only agent's cluster is never
 * readable, yet its agent reports).
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
      /**
       * How long a diagnosis must stay unfound before it resolves (default 0), so a problem
       * that comes and goes between runs (a crash-looping deployment's availability) stays
       * one diagnosis instead of opening and resolving again.
       */
      resolveAfterMs?: number;
    },
  ) {}

  async runAll(): Promise<void> {
    const clusters = await this.options.registry.listClusters();
    await Promise.all(clusters.map(cluster => this.runCluster(cluster.name)));
  }

  async runCluster(cluster: string): Promise<void> {
    const { access, store, events, logger } = this.options;
    const sources = this.options.sources ?? [];
    let analyzed: DiagnosisFinding[];
    try {
      const snapshot = await collectSnapshot(
        await access.forPlugin({ cluster }),
      );
      analyzed = analyze(snapshot, this.options.analyzers ?? builtIn, logger);
    } catch (error) {
      logger.info(
        `Diagnosis could not read ${cluster}, keeping its analyzers' diagnoses: ${
          (error as Error).message
        }`,
      );
      if (sources.length === 0) return;
      analyzed = analyzerFindingsOf(
        await store.openFindings(cluster),
        sources.map(source => source.id),
      );
    }
    const reports = await collectSourceReports(
      cluster,
      sources,
      () => store.openFindings(cluster),
      logger,
      this.options.sourceTimeoutMs,
    );
    const { opened, resolved } = await store.reconcile(
      cluster,
      mergeFindings(analyzed, reports),
      new Date(),
      { resolveAfterMs: this.options.resolveAfterMs },
    );
    for (const diagnosis of opened) {
      await events.publish({ type: 'diagnosis.opened', diagnosis });
    }
    for (const diagnosis of resolved) {
      await events.publish({ type: 'diagnosis.resolved', diagnosis });
    }
  }
}
