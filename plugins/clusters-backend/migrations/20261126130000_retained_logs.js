/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('kubedeck_retained_logs', table => {
    table.comment(
      'Last log lines of terminated pods, readable for a retention window',
    );
    table.bigIncrements('id').primary();
    table.string('cluster', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('pod', 255).notNullable();
    table.string('container', 255).notNullable();
    table
      .integer('seq')
      .notNullable()
      .comment('Line order within the container');
    table
      .string('time', 40)
      .notNullable()
      .comment('Normalized kubelet timestamp');
    table.text('text').notNullable();
    table.timestamp('captured_at', { useTz: true }).notNullable();
    table.index(
      ['cluster', 'namespace', 'pod', 'container'],
      'kubedeck_retained_logs_container_idx',
    );
    table.index(['captured_at'], 'kubedeck_retained_logs_captured_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('kubedeck_retained_logs');
};
