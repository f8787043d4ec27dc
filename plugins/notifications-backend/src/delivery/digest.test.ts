import { TestDatabases } from '@backstage/backend-test-utils';
import { SchedulerService } from '@backstage/backend-plugin-api';
import {
  InMemoryMessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import { CronTime } from 'cron';
import { randomUUID } from 'node:crypto';
import { ALICE, eventually } from '../__testUtils__/backend';
import { createHarness } from '../__testUtils__/harness';
import { startSmtpReceiver } from '../__testUtils__/servers';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const event = (
  category: KubedeckEvent['category'],
  title: string,
  cluster: string,
): KubedeckEvent => ({
  id: randomUUID(),
  cluster,
  namespace: 'shop',
  object: { kind: 'Pod', name: title },
  entityRef: 'component:default/shop-cart',
  severity: category === 'alerts.info' ? 'info' : 'medium',
  category,
  title,
  fingerprint: `${cluster}/${title}`,
  link: `/kubedeck/clusters/${cluster}/namespaces/shop/pods/${title}`,
});

/** The plugin's scheduled tasks, run when their cron expression fires at a given instant. */
function cronScheduler() {
  const tasks: Array<{
    id: string;
    cron?: string;
    fn: () => void | Promise<void>;
  }> = [];
  const scheduler = {
    scheduleTask: async (
      task: Parameters<SchedulerService['scheduleTask']>[0],
    ) => {
      const frequency = task.frequency as { cron?: string };
      tasks.push({
        id: task.id,
        cron: frequency.cron,
        fn: () => task.fn(new AbortController().signal),
      });
    },
  } as unknown as SchedulerService;
  const runDue = async (at: number) => {
    for (const task of tasks) {
      if (!task.cron) continue;
      const next = new CronTime(task.cron, 'UTC').getNextDateFrom(
        new Date(at - 1000),
      );
      if (next.toMillis() === at) await task.fn();
    }
  };
  return { scheduler, runDue };
}

describe.each(databases.eachSupportedId())('digests on %p', databaseId => {
  it('summarises the day once, in the inbox and by email, and the week only on Monday', async () => {
    const thursday = Date.parse('2026-11-26T10:00:00Z');
    const knex = await databases.init(databaseId);
    const { service, stores, inbox, clock } = await createHarness(knex, {
      clock: { now: thursday },
    });
    const smtp = await startSmtpReceiver();
    const broker = new InMemoryMessageBroker({ retryDelayMs: 5 });
    try {
      const email = await service.channels.create(
        smtp.emailChannel(),
        'user:default/admin',
      );
      await stores.preferences.setPreferences(ALICE, [
        { category: 'alerts.info', channel: 'inbox', frequency: 'daily' },
        { category: 'alerts.info', channel: email.id, frequency: 'daily' },
        {
          category: 'alerts.operations',
          channel: 'inbox',
          frequency: 'weekly',
        },
        {
          category: 'alerts.operations',
          channel: email.id,
          frequency: 'disabled',
        },
      ]);
      const { scheduler, runDue } = cronScheduler();
      await service.scheduleTasks(scheduler);
      await service.start(broker);

      const events = [
        event('alerts.info', 'agent a1 connected', 'demo'),
        event('alerts.info', 'agent a1 connected', 'demo'),
        event('alerts.info', 'agent a2 connected', 'demo'),
        event('alerts.info', 'cluster prod added', 'prod'),
        event('alerts.operations', 'rollout cart failed', 'demo'),
      ];
      // The repeat keeps its fingerprint but is a new event.
      events[1] = { ...events[1], fingerprint: events[0].fingerprint };
      for (const e of events) await publishKubedeckEvent(broker, e);
      await eventually(async () => {
        const [{ count }] = await knex('received_events').count({
          count: '*',
        });
        return Number(count) === events.length;
      });
      await service.worker.idle();
      expect(inbox.of(ALICE)).toHaveLength(0);
      expect(smtp.mails).toHaveLength(0);

      // Friday 07:00 UTC: the daily job fires, the weekly one does not.
      clock.now = Date.parse('2026-11-27T07:00:00Z');
      await runDue(clock.now);
      await service.worker.idle();

      const digests = inbox.of(ALICE);
      expect(digests).toHaveLength(1);
      expect(digests[0].payload.title).toBe(
        'Kubedeck daily digest: 4 alerts in 2 clusters',
      );
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
              count: 3,
              top: [
                { title: 'agent a1 connected', count: 2 },
                { title: 'agent a2 connected', count: 1 },
              ],
            },
            {
              cluster: 'prod',
              category: 'alerts.info',
              count: 1,
              top: [{ title: 'cluster prod added', count: 1 }],
            },
          ],
        },
      });

      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect((mail.to as any).text).toBe('alice@example.com');
      expect(mail.subject).toBe(
        'Kubedeck daily digest: 4 alerts in 2 clusters',
      );
      expect(mail.text).toContain('demo · alerts.info: 3');
      expect(mail.text).toContain('- agent a1 connected ×2');
      expect(mail.text).toContain('prod · alerts.info: 1');
      expect(mail.text).not.toContain('rollout cart failed');

      // The job runs again for the same day (a retry, a second instance): nothing new.
      await runDue(clock.now);
      await service.digests.run('daily');
      await service.worker.idle();
      expect(inbox.of(ALICE)).toHaveLength(1);
      expect(inbox.sends).toBe(1);
      expect(smtp.mails).toHaveLength(1);
      expect(
        (await stores.deliveries.list({ limit: 10, offset: 0, kind: 'digest' }))
          .items,
      ).toHaveLength(2);

      // Monday 07:00 UTC: the daily job has nothing left; the weekly one sends the rollout.
      clock.now = Date.parse('2026-11-30T07:00:00Z');
      await runDue(clock.now);
      await service.worker.idle();
      expect(smtp.mails).toHaveLength(1);
      const weekly = inbox
        .of(ALICE)
        .filter(e => e.payload.title.startsWith('Kubedeck weekly digest'));
      expect(weekly.map(e => e.payload.title)).toEqual([
        'Kubedeck weekly digest: 1 alert in 1 cluster',
      ]);
      expect(inbox.of(ALICE)).toHaveLength(2);
    } finally {
      await service.stop();
      await broker.close();
      await smtp.close();
    }
  });
});
