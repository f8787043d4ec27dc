import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';
import { DatabaseService } from '@backstage/backend-plugin-api';
import type { ClusterDiagnosis } from '@kubedeck/plugin-clusters-common';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  DiagnosisFilter,
  DiagnosisStore,
  SourcedFinding,
} from './DiagnosisStore';
import { migratedClient } from './migrations';

const TABLE = 'kubedeck_diagnoses';

type Row = {
  id: string;
  cluster: string;
  kind: string;
  namespace: string | null;
  name: string;
  type: string;
  severity: string;
  title: string;
  evidence: string;
  fix: string;
  sources: string;
  first_seen: Date | string | number;
  last_seen: Date | string | number;
  resolved_at: Date | string | number | null;
};

/** The stable id of one problem of one object. */
export function diagnosisId(
  cluster: string,
  finding: DiagnosisFinding,
): string {
  return createHash('sha256')
    .update(
      [
        cluster,
        finding.kind,
        finding.namespace ?? '',
        finding.name,
        finding.type,
      ].join('\u0000'),
    )
    .digest('hex');
}

const iso = (value: Date | string | number) => new Date(value).toISOString();

function fromRow(row: Row): ClusterDiagnosis {
  return {
    id: row.id,
    cluster: row.cluster,
    kind: row.kind,
    ...(row.namespace ? { namespace: row.namespace } : {}),
    name: row.name,
    type: row.type as ClusterDiagnosis['type'],
    severity: row.severity as ClusterDiagnosis['severity'],
    title: row.title,
    evidence: JSON.parse(row.evidence),
    fix: row.fix,
    firstSeen: iso(row.first_seen),
    lastSeen: iso(row.last_seen),
    ...(row.resolved_at ? { resolvedAt: iso(row.resolved_at) } : {}),
  };
}

/** {@link DiagnosisStore} on the plugin's database (SQLite or PostgreSQL). */
export class KnexDiagnosisStore implements DiagnosisStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<KnexDiagnosisStore> {
    return new KnexDiagnosisStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  async reconcile(
    cluster: string,
    findings: SourcedFinding[],
    now: Date,
    options: { resolveAfterMs?: number } = {},
  ) {
    const resolveBefore = now.getTime() - (options.resolveAfterMs ?? 0);
    return this.db.transaction(async tx => {
      const known = new Map<string, Row>(
        (await tx<Row>(TABLE).where({ cluster })).map(row => [row.id, row]),
      );
      const opened: ClusterDiagnosis[] = [];
      const seen = new Set<string>();
      for (const finding of findings) {
        const id = diagnosisId(cluster, finding);
        if (seen.has(id)) continue;
        seen.add(id);
        const previous = known.get(id);
        const isNew = !previous || previous.resolved_at !== null;
        const row: Row = {
          id,
          cluster,
          kind: finding.kind,
          namespace: finding.namespace ?? null,
          name: finding.name,
          type: finding.type,
          severity: finding.severity,
          title: finding.title,
          evidence: JSON.stringify(finding.evidence),
          fix: finding.fix,
          sources: JSON.stringify(finding.sources ?? []),
          first_seen: isNew ? now : previous!.first_seen,
          last_seen: now,
          resolved_at: null,
        };
        await tx<Row>(TABLE).insert(row).onConflict('id').merge();
        if (isNew) opened.push(fromRow(row));
      }
      const resolved: ClusterDiagnosis[] = [];
      for (const row of known.values()) {
        if (
          row.resolved_at === null &&
          !seen.has(row.id) &&
          new Date(row.last_seen).getTime() <= resolveBefore
        ) {
          await tx<Row>(TABLE)
            .where({ id: row.id })
            .update({ resolved_at: now });
          resolved.push(fromRow({ ...row, resolved_at: now }));
        }
      }
      return { opened, resolved };
    });
  }

  async openFindings(cluster: string): Promise<SourcedFinding[]> {
    const rows = await this.db<Row>(TABLE)
      .where({ cluster })
      .whereNull('resolved_at');
    return rows.map(row => {
      const { namespace, type, severity, title, evidence, fix } = fromRow(row);
      return {
        kind: row.kind,
        ...(namespace ? { namespace } : {}),
        name: row.name,
        type,
        severity,
        title,
        evidence,
        fix,
        sources: JSON.parse(row.sources),
      };
    });
  }

  async list(filter: DiagnosisFilter): Promise<ClusterDiagnosis[]> {
    const query = this.db<Row>(TABLE)
      .orderBy('last_seen', 'desc')
      .limit(filter.limit ?? 1000);
    if (filter.cluster) query.where({ cluster: filter.cluster });
    if (filter.namespace) query.where({ namespace: filter.namespace });
    if (filter.kind) query.where({ kind: filter.kind });
    if (filter.name) query.where({ name: filter.name });
    if (filter.state === 'open') query.whereNull('resolved_at');
    if (filter.state === 'resolved') query.whereNotNull('resolved_at');
    return (await query).map(fromRow);
  }
}
