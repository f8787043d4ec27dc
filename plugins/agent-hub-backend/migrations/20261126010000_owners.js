// @ts-check

/**
 * Which backend replica holds each agent's stream, under a lease the owner renews. Another
 * replica forwards requests for the agent's cluster to `endpoint_url`, trusting `endpoint_ca`
 * (the owner's public loopback-endpoint certificate).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_hub_owners', table => {
    table.string('agent_id').primary();
    table.string('replica_id').notNullable().index();
    table.string('endpoint_url').notNullable();
    table.text('endpoint_ca').notNullable();
    table.bigInteger('lease_until').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_hub_owners');
};
