import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DiagnosisFinding,
  DiagnosisFindingSource,
} from '@kubedeck/plugin-clusters-node';
import { SourcedFinding } from '../database/DiagnosisStore';

const key = (f: DiagnosisFinding) =>
  [f.kind, f.namespace ?? '', f.name, f.type].join('\u0000');

/** How a source's evidence lines read in a diagnosis: `agent-hub: Back-off restarting …`. */
const sourceLine = (source: string, line: string) => `${source}: ${line}`;

/** What one finding source reported for a cluster in one run. */
export type SourceReport =
  | { source: string; findings: DiagnosisFinding[] }
  /** The source failed: what it reported before stays open, as it was recorded. */
  | { source: string; carriedOver: SourcedFinding[] };

/**
 * Asks every source for a cluster's findings. A source that throws is logged, and its
 * currently open diagnoses are carried over so that its failure resolves nothing.
 */
export async function collectSourceReports(
  cluster: string,
  sources: DiagnosisFindingSource[],
  openFindings: () => Promise<SourcedFinding[]>,
  logger: LoggerService,
): Promise<SourceReport[]> {
  let open: Promise<SourcedFinding[]> | undefined;
  return Promise.all(
    sources.map(async (source): Promise<SourceReport> => {
      try {
        return {
          source: source.id,
          findings: await source.getFindings(cluster),
        };
      } catch (error) {
        logger.warn(
          `Diagnosis finding source ${
            source.id
          } failed on ${cluster}, keeping its findings: ${
            (error as Error).message
          }`,
        );
        open ??= openFindings();
        return {
          source: source.id,
          carriedOver: (await open).filter(f => f.sources?.includes(source.id)),
        };
      }
    }),
  );
}

/**
 * Merges the analyzers' findings with the sources' reports into one finding per object and
 * problem. The first report of a problem gives its title, severity and fix; every source
 * adds its evidence lines prefixed with its id, and is recorded as a reporter.
 */
export function mergeFindings(
  analyzed: DiagnosisFinding[],
  reports: SourceReport[],
): SourcedFinding[] {
  const merged = new Map<string, SourcedFinding>();
  for (const finding of analyzed) {
    if (!merged.has(key(finding))) {
      merged.set(key(finding), { ...finding, sources: [] });
    }
  }
  for (const report of reports) {
    const prefix = `${report.source}: `;
    const findings =
      'findings' in report
        ? report.findings.map(f => ({
            ...f,
            evidence: f.evidence.map(line => sourceLine(report.source, line)),
          }))
        : report.carriedOver.map(f => ({
            ...f,
            evidence: f.evidence.filter(line => line.startsWith(prefix)),
          }));
    for (const finding of findings) {
      const existing = merged.get(key(finding));
      if (!existing) {
        merged.set(key(finding), { ...finding, sources: [report.source] });
      } else if (!existing.sources!.includes(report.source)) {
        existing.evidence = [...existing.evidence, ...finding.evidence];
        existing.sources = [...existing.sources!, report.source];
      }
    }
  }
  return [...merged.values()];
}
