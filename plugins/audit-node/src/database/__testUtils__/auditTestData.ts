import { Knex } from 'knex';
import { AuditEntry } from '../AuditStore';
import { DatabaseAuditStore } from '../DatabaseAuditStore';
import { AUDIT_TABLE } from '../rows';

/** Store over a test database, migrated. */
export function createTestStore(knex: Knex) {
  return DatabaseAuditStore.create({
    database: { getClient: async () => knex },
  });
}

/** A distinct, plausible entry for position `n`. */
export function sampleEntry(n: number, overrides: Partial<AuditEntry> = {}) {
  return {
    time: new Date(Date.UTC(2026, 10, 26, 12, 0, n)),
    actor: n % 2 ? 'user:default/alice' : 'user:default/bob',
    plugin: n % 3 ? 'kubedeck-clusters' : 'kubedeck-terminal',
    eventId: 'resource-delete',
    action: 'delete',
    severityLevel: 'medium',
    target: `cluster:demo/namespaces/default/pods/web-${n}`,
    outcome: 'succeeded',
    metadata: { meta: { n, labels: { app: 'web' } } },
    ...overrides,
  } satisfies AuditEntry;
}

/**
 * Runs `tamper` with the append-only triggers out of the way, as an attacker with direct database
 * access would: PostgreSQL disables them, SQLite drops them (migrations will not bring them back).
 */
export async function bypassTriggers(
  knex: Knex,
  tamper: (db: Knex) => Promise<void>,
) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`ALTER TABLE ${AUDIT_TABLE} DISABLE TRIGGER USER`);
    try {
      await tamper(knex);
    } finally {
      await knex.raw(`ALTER TABLE ${AUDIT_TABLE} ENABLE TRIGGER USER`);
    }
    return;
  }
  await knex.raw(`DROP TRIGGER ${AUDIT_TABLE}_no_update`);
  await knex.raw(`DROP TRIGGER ${AUDIT_TABLE}_no_delete`);
  await tamper(knex);
}
