/*
 * The Kubedeck audit trail: one hash-chained table shared by every plugin. The database refuses
 * UPDATE, DELETE and (on PostgreSQL) TRUNCATE, so rows can only be appended.
 */

// @ts-check

const TABLE = 'kubedeck_audit_events';
const REFUSE_FUNCTION = 'kubedeck_audit_events_refuse_change';

/** @param {import('knex').Knex} knex */
function clientOf(knex) {
  const client = String(knex.client.config.client);
  if (client === 'pg') {
    return 'pg';
  }
  if (client.includes('sqlite3')) {
    return 'sqlite';
  }
  throw new Error(
    `The Kubedeck audit trail cannot make ${TABLE} append-only on database client '${client}'; use PostgreSQL or SQLite`,
  );
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  const client = clientOf(knex);

  await knex.schema.createTable(TABLE, table => {
    table.comment(
      'Hash-chained, append-only audit events of all Kubedeck plugins',
    );
    table
      .bigInteger('sequence')
      .notNullable()
      .primary()
      .comment('Position in the chain, from 1, no gaps');
    table.timestamp('time', { useTz: true }).notNullable();
    table
      .string('actor')
      .nullable()
      .comment('User entity ref or service subject');
    table.string('plugin').notNullable();
    table.string('event_id').notNullable();
    table.string('action').notNullable();
    table.string('severity_level', 16).notNullable();
    table.text('target').nullable();
    table.string('outcome', 16).notNullable();
    table
      .text('metadata')
      .notNullable()
      .comment('Canonical JSON, secrets removed');
    table.string('prev_hash', 64).notNullable();
    table.string('hash', 64).notNullable();
    table.index(['time'], 'kubedeck_audit_events_time_idx');
    table.index(['actor'], 'kubedeck_audit_events_actor_idx');
    table.index(['plugin'], 'kubedeck_audit_events_plugin_idx');
  });

  if (client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION ${REFUSE_FUNCTION}() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${TABLE} is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    await knex.raw(`
      CREATE TRIGGER ${TABLE}_no_update_delete
      BEFORE UPDATE OR DELETE ON ${TABLE}
      FOR EACH ROW EXECUTE FUNCTION ${REFUSE_FUNCTION}()`);
    await knex.raw(`
      CREATE TRIGGER ${TABLE}_no_truncate
      BEFORE TRUNCATE ON ${TABLE}
      FOR EACH STATEMENT EXECUTE FUNCTION ${REFUSE_FUNCTION}()`);
  } else {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER ${TABLE}_no_${operation.toLowerCase()}
        BEFORE ${operation} ON ${TABLE}
        BEGIN
          SELECT RAISE(ABORT, '${TABLE} is append-only: ${operation} refused');
        END`);
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const client = clientOf(knex);
  if (client === 'pg') {
    await knex.raw(`DROP TRIGGER IF EXISTS ${TABLE}_no_truncate ON ${TABLE}`);
    await knex.raw(
      `DROP TRIGGER IF EXISTS ${TABLE}_no_update_delete ON ${TABLE}`,
    );
    await knex.raw(`DROP FUNCTION IF EXISTS ${REFUSE_FUNCTION}()`);
  } else {
    await knex.raw(`DROP TRIGGER IF EXISTS ${TABLE}_no_update`);
    await knex.raw(`DROP TRIGGER IF EXISTS ${TABLE}_no_delete`);
  }
  await knex.schema.dropTable(TABLE);
};
