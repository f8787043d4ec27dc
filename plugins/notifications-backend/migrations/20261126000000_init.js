// @ts-check

/**
 * Kubedeck notifications: channels, preferences, subscriptions, event groups, the delivery
 * outbox and digest items. Times are epoch milliseconds (bigint) so SQLite and PostgreSQL
 * compare them the same way.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('channels', table => {
    table.string('id').primary();
    table.string('name').notNullable().unique();
    table.string('type').notNullable();
    table.boolean('enabled').notNullable().defaultTo(true);
    table.text('config').notNullable();
    table.text('secrets').notNullable().comment('field name -> ciphertext');
    table.text('routing').notNullable();
    table.string('created_by').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('preferences', table => {
    table.string('user_ref').notNullable();
    table.string('category').notNullable();
    table.string('channel').notNullable();
    table.string('frequency').notNullable();
    table.primary(['user_ref', 'category', 'channel']);
  });

  await knex.schema.createTable('subscriptions', table => {
    table.increments('id');
    table.string('user_ref').notNullable().index();
    table.string('cluster');
    table.string('namespace');
    table.string('category');
  });

  await knex.schema.createTable('received_events', table => {
    table.string('event_id').primary();
    table.bigInteger('received_at').notNullable().index();
  });

  await knex.schema.createTable('notification_groups', table => {
    table.string('id').primary();
    table.string('fingerprint', 500).notNullable();
    table.string('status').notNullable().comment('open | resolved');
    table.string('category').notNullable();
    table.string('severity').notNullable();
    table.string('cluster').notNullable();
    table.string('namespace');
    table.string('object_kind');
    table.string('object_name');
    table.string('entity_ref');
    table.text('title').notNullable();
    table.text('description');
    table.text('link');
    table.integer('count').notNullable();
    table.bigInteger('first_seen').notNullable();
    table.bigInteger('last_seen').notNullable();
    table.bigInteger('resolved_at');
    table.index(['fingerprint', 'status']);
    table.index(['last_seen']);
  });

  await knex.schema.createTable('deliveries', table => {
    table.string('id').primary();
    table
      .string('idempotency_key', 600)
      .notNullable()
      .unique()
      .comment(
        'a retried or redelivered send reuses it; the inbox scope derives from it',
      );
    table.string('kind').notNullable().comment('alert | digest | test');
    table.string('group_id');
    table.string('category').notNullable();
    table.string('severity').notNullable();
    table.text('title').notNullable();
    table.string('cluster');
    table.string('recipient');
    table.string('channel').notNullable();
    table.string('channel_type').notNullable();
    table.string('status').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    table
      .text('payload')
      .comment('digest and test content; alerts render from their group');
    table.bigInteger('next_attempt_at').notNullable();
    table.bigInteger('locked_until');
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.bigInteger('delivered_at');
    table.index(['status', 'next_attempt_at']);
    table.index(['created_at']);
    table.index(['group_id']);
  });

  await knex.schema.createTable('digest_items', table => {
    table.increments('id');
    table.string('user_ref').notNullable();
    table.string('channel').notNullable();
    table.string('frequency').notNullable();
    table.string('group_id').notNullable();
    table.bigInteger('created_at').notNullable();
    table.string('digest_key').comment('set when the item went into a digest');
    table.index(['frequency', 'digest_key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'digest_items',
    'deliveries',
    'notification_groups',
    'received_events',
    'subscriptions',
    'preferences',
    'channels',
  ]) {
    await knex.schema.dropTable(table);
  }
};
