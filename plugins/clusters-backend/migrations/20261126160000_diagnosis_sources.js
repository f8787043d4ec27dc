/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('kubedeck_diagnoses', table => {
    table
      .text('sources')
      .notNullable()
      .defaultTo('[]')
      .comment(
        'JSON array of the finding sources that reported it last; empty: only the analyzers',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('kubedeck_diagnoses', table => {
    table.dropColumn('sources');
  });
};
