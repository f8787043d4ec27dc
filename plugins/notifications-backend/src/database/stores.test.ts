import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import { createStores } from '.';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const event = (id: string, extra: Partial<KubedeckEvent> = {}) => ({
  id,
  cluster: 'demo',
  namespace: 'shop',
  object: { kind: 'Pod', name: 'cart-1' },
  severity: 'critical' as const,
  category: 'alerts.critical' as const,
  title: 'cart-1 is in CrashLoopBackOff',
  fingerprint: 'demo/shop/Pod/cart-1/CrashLoopBackOff',
  ...extra,
});

describe.each(databases.eachSupportedId())('stores on %p', databaseId => {
  async function stores() {
    const knex = await databases.init(databaseId);
    return {
      knex,
      ...(await createStores({ database: mockServices.database({ knex }) })),
    };
  }

  it('groups repeats by fingerprint within the window and announces a resolution once', async () => {
    const { events } = await stores();
    const hour = 3_600_000;
    const run = (e: any, now: number) =>
      events.transaction(tx => events.record(tx, e, now, hour));

    const first = await run(event('e1'), 1000);
    expect(first.kind).toBe('new');
    expect(await run(event('e1'), 1001)).toEqual({ kind: 'duplicate' });
    const repeat = await run(event('e2'), 2000);
    expect(repeat).toMatchObject({ kind: 'repeat', group: { count: 2 } });
    const resolved = await run(event('e3', { resolved: true }), 3000);
    expect(resolved).toMatchObject({
      kind: 'resolved',
      group: { status: 'resolved' },
    });
    expect(await run(event('e4', { resolved: true }), 3001)).toEqual({
      kind: 'ignored',
    });

    const reopened = await run(event('e5'), 4000);
    expect(reopened.kind).toBe('new');
    const late = await run(event('e6'), 4000 + hour + 1);
    expect(late.kind).toBe('new');
  });

  it('records a batch in order, as if its events had been recorded one by one', async () => {
    const { events } = await stores();
    const hour = 3_600_000;
    await events.transaction(tx =>
      events.record(tx, event('old', { fingerprint: 'existing' }), 500, hour),
    );

    const outcomes = await events.transaction(tx =>
      events.recordBatch(
        tx,
        [
          event('b1'),
          event('b1'),
          event('b2', { title: 'cart-1 crashed again' }),
          event('b3', { fingerprint: 'existing' }),
          event('b4', { resolved: true }),
          event('b5', { fingerprint: 'never-opened', resolved: true }),
          event('b6'),
          event('old', { fingerprint: 'existing' }),
        ],
        1000,
        hour,
      ),
    );

    expect(outcomes.map(o => o.kind)).toEqual([
      'new',
      'duplicate',
      'repeat',
      'repeat',
      'resolved',
      'ignored',
      'new',
      'duplicate',
    ]);
    const [opened, , repeated, existing, resolved, , reopened] =
      outcomes as Extract<(typeof outcomes)[number], { group: unknown }>[];
    expect(repeated.group).toMatchObject({
      id: opened.group.id,
      count: 2,
      title: 'cart-1 crashed again',
    });
    expect(existing.group).toMatchObject({ count: 2, status: 'open' });
    expect(resolved.group).toMatchObject({
      id: opened.group.id,
      status: 'resolved',
    });
    expect(reopened.group.id).not.toBe(opened.group.id);

    // What was written is what a later event finds.
    const stored = await events.getGroups([
      opened.group.id,
      existing.group.id,
      reopened.group.id,
    ]);
    expect(stored.get(opened.group.id)).toMatchObject({
      status: 'resolved',
      count: 2,
      title: 'cart-1 crashed again',
      resolvedAt: 1000,
    });
    expect(stored.get(existing.group.id)).toMatchObject({ count: 2 });
    expect(stored.get(reopened.group.id)).toMatchObject({
      status: 'open',
      count: 1,
    });
  });

  it('keeps the outbox idempotent and leases deliveries to one worker', async () => {
    const { deliveries } = await stores();
    const draft = {
      idempotencyKey: 'g1/user:default/alice/inbox/open',
      kind: 'alert' as const,
      groupId: 'g1',
      category: 'alerts.critical',
      severity: 'critical' as const,
      title: 'CrashLoopBackOff',
      cluster: 'demo',
      recipient: 'user:default/alice',
      channel: 'inbox',
      channelType: 'inbox',
    };
    expect(await deliveries.enqueue([draft], 10)).toBe(1);
    expect(await deliveries.enqueue([draft], 11)).toBe(0);

    const [claimed] = await deliveries.claimDue(20, 1000, 10);
    expect(claimed.idempotencyKey).toBe(draft.idempotencyKey);
    expect(await deliveries.claimDue(21, 1000, 10)).toEqual([]);
    // The worker died: once the lease runs out the delivery is claimed again.
    expect(await deliveries.claimDue(1021, 1000, 10)).toHaveLength(1);

    await deliveries.complete(
      claimed.id,
      {
        status: 'retrying',
        attempts: 1,
        error: 'HTTP 503',
        nextAttemptAt: 5000,
      },
      1100,
    );
    expect(await deliveries.claimDue(4999, 1000, 10)).toEqual([]);
    await deliveries.complete(
      claimed.id,
      { status: 'delivered', attempts: 2 },
      5100,
    );

    const page = await deliveries.list({
      limit: 10,
      offset: 0,
      status: 'delivered',
      recipient: 'user:default/alice',
    });
    expect(page.totalCount).toBe(1);
    expect(page.items[0]).toMatchObject({ attempts: 2, status: 'delivered' });
    expect(
      (await deliveries.list({ limit: 10, offset: 0, status: 'failed' }))
        .totalCount,
    ).toBe(0);
  });

  it('stores preferences and finds subscribers by cluster, namespace and category', async () => {
    const { preferences } = await stores();
    await preferences.setPreferences('user:default/alice', [
      { category: 'alerts.info', channel: 'inbox', frequency: 'weekly' },
    ]);
    await preferences.setPreferences('user:default/alice', [
      { category: 'alerts.info', channel: 'inbox', frequency: 'disabled' },
    ]);
    expect(await preferences.getPreferences('user:default/alice')).toEqual([
      { category: 'alerts.info', channel: 'inbox', frequency: 'disabled' },
    ]);
    await preferences.setSubscriptions('user:default/alice', [
      { cluster: 'demo', namespace: 'shop' },
    ]);
    await preferences.setSubscriptions('user:default/bob', [
      { category: 'alerts.security' },
    ]);
    await preferences.setSubscriptions('user:default/carol', [
      { cluster: 'prod' },
    ]);

    expect(
      await preferences.findSubscribers({
        cluster: 'demo',
        namespace: 'shop',
        category: 'alerts.critical',
      }),
    ).toEqual(['user:default/alice']);
    expect(
      (
        await preferences.findSubscribers({
          cluster: 'demo',
          category: 'alerts.security',
        })
      ).sort(),
    ).toEqual(['user:default/bob']);
  });

  it('hands each waiting digest item to one digest, repeatably', async () => {
    const { deliveries } = await stores();
    const item = {
      userRef: 'user:default/alice',
      channel: 'inbox',
      frequency: 'daily' as const,
      groupId: 'g1',
    };
    await deliveries.addDigestItems([item, item], 1);
    const taken = await deliveries.takeDigestItems('daily', 'daily:1');
    expect(taken).toEqual([
      { userRef: item.userRef, channel: 'inbox', groupId: 'g1' },
    ]);
    expect(await deliveries.takeDigestItems('daily', 'daily:1')).toEqual(taken);
    expect(await deliveries.takeDigestItems('daily', 'daily:2')).toEqual([]);
  });

  it('prunes finished history but keeps what is still referenced', async () => {
    const { deliveries, events } = await stores();
    const outcome = await events.transaction(tx =>
      events.record(tx, event('p1'), 1000, 10),
    );
    const other = await events.transaction(tx =>
      events.record(tx, event('p2', { fingerprint: 'other' }), 1000, 10),
    );
    await deliveries.enqueue(
      [
        {
          idempotencyKey: 'k',
          kind: 'alert',
          groupId: (outcome as any).group.id,
          category: 'alerts.critical',
          severity: 'critical',
          title: 't',
          recipient: 'user:default/a',
          channel: 'inbox',
          channelType: 'inbox',
        },
      ],
      1000,
    );
    expect(await events.pruneGroups(5000)).toBe(1);
    const [claimed] = await deliveries.claimDue(2000, 100, 1);
    await deliveries.complete(
      claimed.id,
      { status: 'delivered', attempts: 1 },
      2000,
    );
    await deliveries.prune(3000);
    expect((await deliveries.list({ limit: 10, offset: 0 })).totalCount).toBe(
      0,
    );
    expect(await events.pruneGroups(5000)).toBe(1);
    expect((await events.getGroups([(other as any).group.id])).size).toBe(0);
  });

  it('migrates down cleanly', async () => {
    const { knex } = await stores();
    await knex.migrate.rollback(
      {
        directory: require('node:path').resolve(__dirname, '../../migrations'),
      },
      true,
    );
    expect(await knex.schema.hasTable('deliveries')).toBe(false);
  });
});
