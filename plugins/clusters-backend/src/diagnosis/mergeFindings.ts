import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DiagnosisFinding,
  DiagnosisFindingSource,
} from '@kubedeck/plugin-clusters-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { SourcedFinding } from '../database/DiagnosisStore';

/** How long a source may take to answer for one cluster before it counts as failed. */
export const SOURCE_TIMEOUT_MS = 30_000;

const findingSchema = z.object({
  kind: z.string().min(1).max(255),
  namespace: z.string().min(1).max(255).optional(),
  name: z.string().min(1).max(255),
  type: z.string().min(1).max(64),
  severity: z.enum(['critical', 'warning']),
  title: z.string().min(1),
  evidence: z.array(z.string()),
  fix: z.string(),
});

/** A source's findings for a cluster; throws when it fails, times out or answers no list. */
async function askSource(
  source: DiagnosisFindingSource,
  cluster: string,
  timeoutMs: number,
  logger: LoggerService,
): Promise<DiagnosisFinding[]> {
  const timer = new AbortController();
  const answer = await Promise.race([
    source.getFindings(cluster),
    sleep(timeoutMs, undefined, { signal: timer.signal }).then(() => {
      throw new Error(`no answer within ${timeoutMs / 1000} seconds`);
    }),
  ]).finally(() => timer.abort());
  if (!Array.isArray(answer)) {
    throw new Error('it did not answer a list of findings');
  }
  const valid = answer.filter(f => findingSchema.safeParse(f).success);
  if (valid.length < answer.length) {
    logger.warn(
      `Diagnosis finding source ${source.id} reported ${
        answer.length - valid.length
      } malformed findings on ${cluster}; they are ignored`,
    );
  }
  return valid;
}

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
 * Asks every source for a cluster's findings. A source that throws or does not answer in time
 * is logged, and its currently open diagnoses are carried over so that its failure resolves
 * nothing. Malformed findings are dropped.
 */
export async function collectSourceReports(
  cluster: string,
  sources: DiagnosisFindingSource[],
  openFindings: () => Promise<SourcedFinding[]>,
  logger: LoggerService,
  timeoutMs = SOURCE_TIMEOUT_MS,
): Promise<SourceReport[]> {
  let open: Promise<SourcedFinding[]> | undefined;
  return Promise.all(
    sources.map(async (source): Promise<SourceReport> => {
      try {
        return {
          source: source.id,
          findings: await askSource(source, cluster, timeoutMs, logger),
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
 * What the analyzers last found, read back from a cluster's open diagnoses: those no source
 * reported, and the analyzers' own evidence of those a source also reported.
 */
export function analyzerFindingsOf(
  open: SourcedFinding[],
  sourceIds: string[],
): DiagnosisFinding[] {
  const fromSource = (line: string) =>
    sourceIds.some(id => line.startsWith(sourceLine(id, '')));
  return open.flatMap(({ sources, ...finding }) => {
    const evidence = finding.evidence.filter(line => !fromSource(line));
    const analyzersFoundIt =
      (sources?.length ?? 0) === 0 || evidence.length > 0;
    return analyzersFoundIt ? [{ ...finding, evidence }] : [];
  });
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
