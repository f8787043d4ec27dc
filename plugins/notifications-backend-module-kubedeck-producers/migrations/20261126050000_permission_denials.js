// @ts-check

/**
 * Permission denials of the last window, counted across backend instances, and when each
 * user's last burst was announced, so one instance announces it. Times are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'kubedeck_producers_permission_denials',
    table => {
      table.increments('id');
      table.string('user_entity_ref').notNullable();
      table.string('permission').notNullable();
      table.bigInteger('denied_at').notNullable();
      table.index(['user_entity_ref', 'denied_at']);
      table.index(['denied_at']);
    },
  );
  await knex.schema.createTable(
    'kubedeck_producers_permission_denial_bursts',
    table => {
      table.string('user_entity_ref').primary();
      table.bigInteger('announced_at');
    },
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('kubedeck_producers_permission_denial_bursts');
  await knex.schema.dropTable('kubedeck_producers_permission_denials');
};
