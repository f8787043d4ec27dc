/**
 * Notifications pipeline on SQLite (better-sqlite3, in memory): publish → route → outbox →
 * inbox send. Last stdout line: {"rows":[...]}.
 */
import knexFactory from 'knex';
import { measure } from './pipeline';

async function main() {
  const createDb = async () =>
    knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
  const rows = await measure('SQLite', createDb);
  console.log(JSON.stringify({ rows }));
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
