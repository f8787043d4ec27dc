// @ts-check

/**
 * A failure stays open until its agent reports a set of current failures without it; it is then
 * resolved. Open failures of an agent are what the clusters plugin's diagnoses show for it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agent_hub_failures', table => {
    table.bigInteger('resolved_at');
    table.index(['agent_id', 'resolved_at'], 'agent_hub_failures_open_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agent_hub_failures', table => {
    table.dropIndex(['agent_id', 'resolved_at'], 'agent_hub_failures_open_idx');
    table.dropColumn('resolved_at');
  });
};
