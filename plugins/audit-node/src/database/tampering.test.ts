import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { hashAuditEvent } from './hash';
import { AUDIT_TABLE, AuditRow, fromAuditRow } from './rows';
import {
  bypassTriggers,
  createTestStore,
  sampleEntry,
} from './__testUtils__/auditTestData';

jest.setTimeout(60_000);

/** Columns that make up a row's contents; `sequence` is where it sits in the chain. */
const CONTENT_COLUMNS = [
  'time',
  'actor',
  'plugin',
  'event_id',
  'action',
  'severity_level',
  'target',
  'outcome',
  'metadata',
  'prev_hash',
  'hash',
] as const;

async function contentsOf(db: Knex, sequence: number) {
  const row: AuditRow = await db(AUDIT_TABLE).where({ sequence }).first();
  return Object.fromEntries(CONTENT_COLUMNS.map(c => [c, row[c]]));
}

describe('verification after tampering behind the triggers', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function chainOfFive(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await createTestStore(knex);
    for (let n = 1; n <= 5; n++) {
      await store.append(sampleEntry(n));
    }
    await expect(store.verify()).resolves.toEqual({ ok: true, checked: 5 });
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('names the row whose field was changed', async () => {
      const { knex, store } = await chainOfFive(databaseId);

      await bypassTriggers(knex, db =>
        db(AUDIT_TABLE)
          .where({ sequence: 3 })
          .update({ actor: 'user:default/mallory' }),
      );

      await expect(store.verify()).resolves.toEqual({
        ok: false,
        checked: 2,
        firstBrokenSequence: 3,
        reason: 'hash mismatch: the row was changed after it was written',
      });
    });

    it('names the row whose metadata was edited', async () => {
      const { knex, store } = await chainOfFive(databaseId);

      await bypassTriggers(knex, db =>
        db(AUDIT_TABLE)
          .where({ sequence: 2 })
          .update({ metadata: JSON.stringify({ meta: { n: 99 } }) }),
      );

      await expect(store.verify()).resolves.toMatchObject({
        ok: false,
        firstBrokenSequence: 2,
      });
    });

    it('names the sequence of a deleted row', async () => {
      const { knex, store } = await chainOfFive(databaseId);

      await bypassTriggers(knex, db =>
        db(AUDIT_TABLE).where({ sequence: 4 }).delete(),
      );

      await expect(store.verify()).resolves.toEqual({
        ok: false,
        checked: 3,
        firstBrokenSequence: 4,
        reason: 'sequence 4 is missing (the next row is 5)',
      });
    });

    it('names the newest rows when they were deleted by someone else', async () => {
      const { knex, store } = await chainOfFive(databaseId);

      await bypassTriggers(knex, db =>
        db(AUDIT_TABLE).where('sequence', '>=', 4).delete(),
      );

      await expect(store.verify()).resolves.toEqual({
        ok: false,
        checked: 3,
        firstBrokenSequence: 4,
        reason:
          'rows after sequence 3 are missing (this backend wrote up to 5)',
      });
    });

    it('names the first row when the oldest row was deleted', async () => {
      const { knex, store } = await chainOfFive(databaseId);

      await bypassTriggers(knex, db =>
        db(AUDIT_TABLE).where({ sequence: 1 }).delete(),
      );

      await expect(store.verify()).resolves.toMatchObject({
        ok: false,
        checked: 0,
        firstBrokenSequence: 1,
      });
    });

    it('names the earlier of two rows whose contents were swapped', async () => {
      const { knex, store } = await chainOfFive(databaseId);

      await bypassTriggers(knex, async db => {
        const second = await contentsOf(db, 2);
        const fourth = await contentsOf(db, 4);
        await db(AUDIT_TABLE).where({ sequence: 2 }).update(fourth);
        await db(AUDIT_TABLE).where({ sequence: 4 }).update(second);
      });

      await expect(store.verify()).resolves.toEqual({
        ok: false,
        checked: 1,
        firstBrokenSequence: 2,
        reason: 'prev_hash does not match the hash of sequence 1',
      });
    });

    it('names the next row when a changed row was re-hashed', async () => {
      const { knex, store } = await chainOfFive(databaseId);
      const row: AuditRow = await knex(AUDIT_TABLE)
        .where({ sequence: 3 })
        .first();
      const forged = { ...fromAuditRow(row), actor: 'user:default/mallory' };

      await bypassTriggers(knex, db =>
        db(AUDIT_TABLE)
          .where({ sequence: 3 })
          .update({ actor: forged.actor, hash: hashAuditEvent(forged) }),
      );

      await expect(store.verify()).resolves.toEqual({
        ok: false,
        checked: 3,
        firstBrokenSequence: 4,
        reason: 'prev_hash does not match the hash of sequence 3',
      });
    });
  });
});
