/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('kubedeck_diagnoses', table => {
    table.comment('Problems the clusters backend detected, open and resolved');
    table
      .string('id', 64)
      .primary()
      .comment('sha256 of cluster, kind, namespace, name and type');
    table.string('cluster', 255).notNullable();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).nullable();
    table.string('name', 255).notNullable();
    table.string('type', 64).notNullable();
    table.string('severity', 16).notNullable();
    table.text('title').notNullable();
    table.text('evidence').notNullable().comment('JSON array of strings');
    table.text('fix').notNullable();
    table.timestamp('first_seen', { useTz: true }).notNullable();
    table.timestamp('last_seen', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.index(
      ['cluster', 'resolved_at'],
      'kubedeck_diagnoses_cluster_resolved_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('kubedeck_diagnoses');
};
