// @ts-check

/**
 * Kubedeck agent hub: one-time registration tokens, agents and the failures they report.
 * Tokens and credentials are stored only as SHA-256 hashes. Times are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_hub_tokens', table => {
    table.string('id').primary();
    table.string('token_hash', 64).notNullable().unique();
    table.string('cluster_name').notNullable();
    table.string('preset').notNullable();
    table.text('rules').notNullable();
    table.string('created_by').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('expires_at').notNullable();
    table.bigInteger('used_at');
    table.bigInteger('revoked_at');
    table.string('agent_id');
  });

  await knex.schema.createTable('agent_hub_agents', table => {
    table.string('id').primary();
    table.string('cluster_name').notNullable().index();
    table.string('preset').notNullable();
    table.text('rules').notNullable();
    table.string('credential_hash', 64).notNullable().unique();
    table.bigInteger('registered_at').notNullable();
    table.bigInteger('credential_rotated_at');
    table.bigInteger('revoked_at');
    table.string('agent_version');
    table.bigInteger('last_heartbeat_at');
    table.bigInteger('last_connected_at');
    table.bigInteger('last_disconnected_at');
    table.text('cluster_info');
  });

  await knex.schema.createTable('agent_hub_failures', table => {
    table.increments('id');
    table.string('agent_id').notNullable().index();
    table.string('cluster_name').notNullable();
    table.string('reason').notNullable();
    table.string('namespace').notNullable();
    table.string('pod').notNullable();
    table.string('container');
    table.text('message');
    table.text('events').notNullable();
    table.bigInteger('detected_at').notNullable();
    table.bigInteger('received_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_hub_failures');
  await knex.schema.dropTable('agent_hub_agents');
  await knex.schema.dropTable('agent_hub_tokens');
};
