// @ts-check

/**
 * When a push-only agent's last report was accepted: while it is recent, the agent shows as
 * pushing rather than offline.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agent_hub_agents', table => {
    table.bigInteger('last_report_at');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agent_hub_agents', table => {
    table.dropColumn('last_report_at');
  });
};
