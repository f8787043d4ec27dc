// @ts-check

/**
 * When the hub announced an agent offline (its reconnect grace passed); cleared when it is back.
 * The conditional update of this column makes each transition announced once across replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agent_hub_agents', table => {
    table.bigInteger('offline_since');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agent_hub_agents', table => {
    table.dropColumn('offline_since');
  });
};
