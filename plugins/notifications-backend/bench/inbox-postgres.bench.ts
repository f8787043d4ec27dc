/**
 * Notifications pipeline on PostgreSQL: publish → route → outbox → inbox send (the inbox is
 * an in-process stand-in with Backstage's scope semantics). Uses
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, or starts a throwaway server with
 * scripts/postgres.sh. Last stdout line: {"rows":[...]}.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import knexFactory from 'knex';
import { measure } from './pipeline';

const root = path.resolve(__dirname, '../../..');
const PG_DIR = '/tmp/kubedeck-notifications-bench-pg';

async function main() {
  let url = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  const started = !url;
  if (!url) {
    url = execFileSync(
      'bash',
      [path.join(root, 'scripts/postgres.sh'), 'start', PG_DIR, '55491'],
      { encoding: 'utf8' },
    ).trim();
  }
  const admin = knexFactory({ client: 'pg', connection: url });
  let n = 0;
  const createDb = async () => {
    const name = `kd_notif_bench_${process.pid}_${n++}`;
    await admin.raw(`CREATE DATABASE ${name}`);
    return knexFactory({
      client: 'pg',
      connection: `${url}/${name}`,
      pool: { min: 0, max: 10 },
    });
  };
  try {
    const rows = await measure('PostgreSQL 15', createDb);
    console.log(JSON.stringify({ rows }));
  } finally {
    await admin.destroy();
    if (started)
      execFileSync('bash', [
        path.join(root, 'scripts/postgres.sh'),
        'stop',
        PG_DIR,
      ]);
  }
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
