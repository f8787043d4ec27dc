// @ts-check

/**
 * Clusters the producers have seen, so a cluster is announced once, when it first appears.
 * Times are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('kubedeck_producers_known_clusters', table => {
    table.string('name').primary();
    table.bigInteger('first_seen_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('kubedeck_producers_known_clusters');
};
