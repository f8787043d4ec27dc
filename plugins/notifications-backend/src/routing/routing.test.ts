import { TestDatabases } from '@backstage/backend-test-utils';
import {
  InMemoryMessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import { randomUUID } from 'node:crypto';
import { ALICE, BOB, eventually } from '../__testUtils__/backend';
import { closeHarnesses, createHarness } from '../__testUtils__/harness';
import { startHttpReceiver, startSmtpReceiver } from '../__testUtils__/servers';
import { CONSUMER_GROUP } from '../service/NotificationsService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const crashLoop = (extra: Partial<KubedeckEvent> = {}) => ({
  id: randomUUID(),
  cluster: 'demo',
  namespace: 'shop',
  object: { kind: 'Pod', name: 'cart-1' },
  entityRef: 'component:default/shop-cart',
  severity: 'critical' as const,
  category: 'alerts.critical' as const,
  title: 'cart-1 is in CrashLoopBackOff',
  fingerprint: 'demo/shop/Pod/cart-1/CrashLoopBackOff',
  link: '/kubedeck/clusters/demo/namespaces/shop/pods/cart-1',
  ...extra,
});

afterEach(closeHarnesses);

describe.each(databases.eachSupportedId())(
  'routing and delivery on %p',
  databaseId => {
    const harness = async (options?: Parameters<typeof createHarness>[1]) =>
      createHarness(await databases.init(databaseId), options);

    it('shows one inbox entry after the worker dies between send and acknowledgement', async () => {
      const { service, stores, inbox, clock } = await harness();
      const complete = stores.deliveries.completeMany.bind(stores.deliveries);
      let crashed = false;
      stores.deliveries.completeMany = async (...args) => {
        if (!crashed) {
          crashed = true;
          throw new Error('process killed before the delivery was marked');
        }
        return complete(...args);
      };
      await service.router.route(crashLoop());
      await service.worker.idle();
      expect(crashed).toBe(true);
      expect(inbox.sends).toBe(1);

      // A restarted worker picks the delivery up once the dead worker's lease has run out.
      expect(await service.worker.runOnce()).toBe(0);
      clock.now += 61_000;
      expect(await service.worker.runOnce()).toBe(1);
      expect(inbox.sends).toBe(2);
      expect(inbox.of(ALICE)).toHaveLength(1);
      const [delivery] = (
        await stores.deliveries.list({ limit: 10, offset: 0 })
      ).items;
      expect(delivery).toMatchObject({ status: 'delivered', recipient: ALICE });
    });

    it('shows one inbox entry after the consumer dies between commit and acknowledgement', async () => {
      const { service, inbox } = await harness();
      const broker = new InMemoryMessageBroker({ retryDelayMs: 5 });
      let committed!: () => void;
      const processed = new Promise<void>(resolve => (committed = resolve));
      const dying = await broker.subscribe(
        'alerts.critical',
        CONSUMER_GROUP,
        async message => {
          await service.router.handleMessage(message);
          committed();
          await new Promise(() => {}); // killed before the broker hears back
        },
      );
      await publishKubedeckEvent(broker, crashLoop());
      await processed;
      await dying.close();

      let redelivered = 0;
      await broker.subscribe(
        'alerts.critical',
        CONSUMER_GROUP,
        async message => {
          redelivered += 1;
          await service.router.handleMessage(message);
        },
      );
      await eventually(async () => redelivered > 0);
      await service.worker.idle();
      expect(inbox.sends).toBe(1);
      expect(inbox.of(ALICE)).toHaveLength(1);
      await broker.close();
    });

    it('ignores events older than the maximum age, as a replayed topic delivers them', async () => {
      const { service, inbox, clock } = await harness();
      const message = (occurredAt: string) => ({
        topic: 'alerts.critical',
        headers: {},
        value: { ...crashLoop(), occurredAt },
      });
      await service.router.handleMessage(
        message(new Date(clock.now - 2 * 24 * 3_600_000).toISOString()),
      );
      await service.worker.idle();
      expect(inbox.sends).toBe(0);
      await service.router.handleMessage(
        message(new Date(clock.now - 60_000).toISOString()),
      );
      await service.worker.idle();
      expect(inbox.sends).toBe(1);
    });

    it('routes events arriving together in one batch with the same outcome as one by one', async () => {
      const { service, stores, inbox } = await harness({
        admins: ['user:default/bob'],
      });
      await Promise.all([
        ...Array.from({ length: 30 }, () => service.router.route(crashLoop())),
        service.router.route(
          crashLoop({ fingerprint: 'demo/shop/Pod/cart-2/OOMKilled' }),
        ),
      ]);
      await service.worker.idle();

      for (const user of [ALICE, BOB]) {
        expect(inbox.of(user)).toHaveLength(2);
      }
      const { totalCount } = await stores.deliveries.list({
        limit: 1,
        offset: 0,
        recipient: BOB,
      });
      // Per fingerprint: opened, refreshed at 2, 4, 8 and 16 occurrences.
      expect(totalCount).toBe(6);
    });

    it('groups a storm on one fingerprint into one notification per window and announces the resolution once', async () => {
      const { service, stores, inbox, clock } = await harness({
        admins: ['user:default/bob'],
      });
      for (let i = 0; i < 100; i++) {
        await service.router.route(crashLoop());
        clock.now += 1000;
      }
      await service.router.route(crashLoop({ resolved: true }));
      await service.router.route(crashLoop({ resolved: true }));
      await service.worker.idle();
      await service.worker.runOnce();

      for (const user of [ALICE, BOB]) {
        const entries = inbox.of(user);
        expect(entries).toHaveLength(1);
        expect(entries[0].payload.title).toBe(
          'Resolved: cart-1 is in CrashLoopBackOff (×100)',
        );
      }
      const { items } = await stores.deliveries.list({
        limit: 100,
        offset: 0,
        recipient: ALICE,
      });
      // Opened, refreshed at 2, 4, ... 64 occurrences, resolved: never one delivery per event.
      expect(items.length).toBe(8);

      clock.now += 3_600_000;
      await service.router.route(crashLoop());
      await service.worker.idle();
      expect(inbox.of(ALICE)).toHaveLength(2);
    });

    it('posts to a shared channel once per group, honouring Retry-After and its rate limit', async () => {
      const { service, stores, clock } = await harness();
      let answer = 429;
      const slack = await startHttpReceiver((_req, res) => {
        res.statusCode = answer;
        if (answer === 429) res.setHeader('retry-after', '30');
        res.end(answer === 429 ? 'rate_limited' : 'ok');
      });
      const channel = await service.channels.create(
        {
          name: 'Ops',
          type: 'slack',
          secrets: { webhookUrl: `${slack.url}/hook` },
          routing: { categories: ['alerts.critical'], minSeverity: 'high' },
        },
        'user:default/admin',
      );
      await service.router.route(crashLoop());
      await service.router.route(crashLoop());
      await service.router.route(
        crashLoop({ fingerprint: 'low', severity: 'low', title: 'low' }),
      );
      await service.worker.idle();

      const shared = async () =>
        (
          await stores.deliveries.list({
            limit: 10,
            offset: 0,
            channel: channel.id,
          })
        ).items;
      const [first] = await shared();
      expect(await shared()).toHaveLength(1);
      expect(first).toMatchObject({
        status: 'retrying',
        attempts: 1,
        lastError: expect.stringContaining('429'),
      });
      const record = await stores.deliveries.getByKey(
        (first as any).idempotencyKey,
      );
      expect(record!.nextAttemptAt).toBeGreaterThanOrEqual(clock.now + 30_000);

      answer = 200;
      clock.now += 30_000;
      await service.worker.runOnce();
      expect((await shared())[0]).toMatchObject({
        status: 'delivered',
        attempts: 2,
      });
      expect(slack.requests).toHaveLength(2);

      // Slack allows about one message a second: a second group in the same second waits.
      await service.router.route(
        crashLoop({ fingerprint: 'other', title: 'other' }),
      );
      await service.worker.idle();
      const waiting = (await shared()).find(d => d.title === 'other')!;
      expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
      clock.now += 1000;
      await service.worker.runOnce();
      expect((await shared()).find(d => d.title === 'other')).toMatchObject({
        status: 'delivered',
      });
      await slack.close();
    });

    it('drains a burst to a rate-limited channel at its pace, without waiting for the next scheduled run', async () => {
      // The real clock: the worker wakes itself when Slack's one-a-second slot frees up.
      const { service, stores } = await harness({
        clock: {
          get now() {
            return Date.now();
          },
        },
      });
      const slack = await startHttpReceiver();
      const channel = await service.channels.create(
        {
          name: 'Ops',
          type: 'slack',
          secrets: { webhookUrl: `${slack.url}/hook` },
          routing: { categories: ['alerts.critical'] },
        },
        'user:default/admin',
      );
      for (const pod of ['cart-1', 'cart-2', 'cart-3']) {
        await service.router.route(
          crashLoop({
            object: { kind: 'Pod', name: pod },
            fingerprint: `demo/shop/Pod/${pod}/CrashLoopBackOff`,
            title: `${pod} is in CrashLoopBackOff`,
          }),
        );
      }
      await eventually(async () => slack.requests.length === 3);
      const delivered = (
        await stores.deliveries.list({
          limit: 10,
          offset: 0,
          channel: channel.id,
        })
      ).items;
      expect(delivered.map(d => d.status)).toEqual([
        'delivered',
        'delivered',
        'delivered',
      ]);
      await slack.close();
    });

    it('emails each recipient through a personal channel unless they turned it off', async () => {
      const { service, stores } = await harness({
        admins: ['user:default/bob'],
      });
      const smtp = await startSmtpReceiver();
      const email = await service.channels.create(
        smtp.emailChannel(),
        'user:default/admin',
      );
      await stores.preferences.setPreferences(BOB, [
        {
          category: 'alerts.critical',
          channel: email.id,
          frequency: 'disabled',
        },
      ]);
      await service.router.route(crashLoop());
      await service.worker.idle();
      expect(smtp.mails.map(m => (m.to as any).text)).toEqual([
        'alice@example.com',
      ]);
      expect(smtp.mails[0].subject).toBe(
        '[CRITICAL] cart-1 is in CrashLoopBackOff',
      );
      expect(smtp.mails[0].text).toContain(
        'http://portal.example.com/kubedeck/clusters/demo/namespaces/shop/pods/cart-1',
      );
      await smtp.close();
    });

    it('puts info events in the daily digest and respects disabled categories', async () => {
      const { service, stores, inbox, clock } = await harness();
      await stores.preferences.setPreferences(ALICE, [
        {
          category: 'alerts.operations',
          channel: 'inbox',
          frequency: 'disabled',
        },
      ]);
      const info = (title: string, cluster = 'demo') =>
        crashLoop({
          category: 'alerts.info',
          severity: 'info',
          title,
          fingerprint: title,
          cluster,
        });
      await service.router.route(info('cluster prod added', 'prod'));
      await service.router.route(info('agent a1 connected'));
      await service.router.route(info('agent a1 connected'));
      await service.router.route(
        crashLoop({
          category: 'alerts.operations',
          severity: 'medium',
          fingerprint: 'rollout',
          title: 'rollout failed',
        }),
      );
      await service.worker.idle();
      expect(inbox.of(ALICE)).toHaveLength(0);

      clock.now = Date.parse('2026-11-27T07:00:00Z');
      expect(await service.digests.run('daily')).toBe(1);
      expect(await service.digests.run('daily')).toBe(0);
      await service.worker.idle();
      const [digest] = inbox.of(ALICE);
      expect(digest.payload.title).toBe(
        'Kubedeck daily digest: 3 alerts in 2 clusters',
      );
      const [delivery] = (
        await stores.deliveries.list({ limit: 1, offset: 0, kind: 'digest' })
      ).items;
      expect(
        (await stores.deliveries.getByKey(
          `digest/daily:2026-11-27/${ALICE}/inbox`,
        ))!.payload,
      ).toMatchObject({
        digest: {
          period: 'daily',
          sections: [
            {
              cluster: 'demo',
              category: 'alerts.info',
              count: 2,
              top: [{ title: 'agent a1 connected', count: 2 }],
            },
            { cluster: 'prod', category: 'alerts.info', count: 1 },
          ],
        },
      });
      expect(delivery.status).toBe('delivered');
    });
  },
);
