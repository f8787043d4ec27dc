import { randomUUID } from 'node:crypto';
import { BrokerMessage, MessageBroker } from './types';

/** Records what a subscriber received and lets a test wait for it. */
// eslint-disable-next-line jest/no-export -- a shared suite imported by each broker's test
export function recorder(
  behaviour: (message: BrokerMessage) => Promise<void> = async () => {},
) {
  const received: BrokerMessage[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const handler = async (message: BrokerMessage) => {
    await behaviour(message);
    received.push(message);
    for (const waiter of waiters.filter(w => received.length >= w.count)) {
      waiter.resolve();
    }
  };
  const waitFor = (count: number) =>
    received.length >= count
      ? Promise.resolve()
      : new Promise<void>(resolve => waiters.push({ count, resolve }));
  return { handler, received, waitFor };
}

const seqs = (messages: BrokerMessage[]) => messages.map(m => m.value.seq);

/** Waits until a condition holds; the test's own timeout bounds it. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

/**
 * The contract every {@link MessageBroker} fulfils; run by the in-memory and Kafka tests.
 */
// eslint-disable-next-line jest/no-export -- a shared suite imported by each broker's test
export function describeMessageBrokerContract(
  name: string,
  createBroker: () => Promise<MessageBroker>,
) {
  describe(`MessageBroker contract: ${name}`, () => {
    let broker: MessageBroker;
    const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

    beforeEach(async () => {
      broker = await createBroker();
    });
    afterEach(async () => {
      await broker.close();
    });

    it('delivers value, key and headers to a subscriber', async () => {
      const topic = unique('alerts');
      const rec = recorder();
      await broker.subscribe(topic, unique('g'), rec.handler);
      await broker.publish(
        topic,
        { title: 'OOMKilled', nested: { count: 2 } },
        { key: 'fp-1', headers: { 'x-kind': 'event' } },
      );
      await rec.waitFor(1);
      expect(rec.received[0]).toEqual({
        topic,
        key: 'fp-1',
        value: { title: 'OOMKilled', nested: { count: 2 } },
        headers: { 'x-kind': 'event' },
      });
    });

    it('gives each group every message and each message to one member of a group', async () => {
      const topic = unique('alerts');
      const [groupA, groupB] = [unique('a'), unique('b')];
      const a1 = recorder();
      const a2 = recorder();
      const b = recorder();
      await broker.subscribe(topic, groupA, a1.handler);
      await broker.subscribe(topic, groupA, a2.handler);
      await broker.subscribe(topic, groupB, b.handler);
      for (let seq = 0; seq < 20; seq++) {
        await broker.publish(topic, { seq }, { key: `k${seq}` });
      }
      await b.waitFor(20);
      await until(() => a1.received.length + a2.received.length >= 20);
      const groupASeqs = [...seqs(a1.received), ...seqs(a2.received)];
      expect(new Set(groupASeqs).size).toBe(20);
      expect(new Set(seqs(b.received)).size).toBe(20);
    });

    it('keeps the order of messages with the same key', async () => {
      const topic = unique('alerts');
      const rec = recorder();
      await broker.subscribe(topic, unique('g'), rec.handler);
      for (let seq = 0; seq < 10; seq++) {
        await broker.publish(topic, { seq }, { key: 'same-fingerprint' });
      }
      await rec.waitFor(10);
      expect(seqs(rec.received)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('delivers a burst published without waiting, in order per key', async () => {
      const topic = unique('alerts');
      const rec = recorder();
      await broker.subscribe(topic, unique('g'), rec.handler, {
        maxInFlight: 50,
      });
      const burst = Array.from({ length: 300 }, (_, seq) => seq);
      await Promise.all(
        burst.map(seq =>
          broker.publish(topic, { seq }, { key: `fp-${seq % 3}` }),
        ),
      );
      await rec.waitFor(300);
      for (const key of [0, 1, 2]) {
        expect(seqs(rec.received.filter(m => m.key === `fp-${key}`))).toEqual(
          burst.filter(seq => seq % 3 === key),
        );
      }
    });

    it('delivers a message again when its handler rejects', async () => {
      const topic = unique('alerts');
      let attempts = 0;
      const rec = recorder(async () => {
        attempts += 1;
        if (attempts === 1) {
          throw new Error('database unavailable');
        }
      });
      await broker.subscribe(topic, unique('g'), rec.handler);
      await broker.publish(topic, { seq: 1 }, { key: 'k' });
      await rec.waitFor(1);
      expect(attempts).toBe(2);
      expect(seqs(rec.received)).toEqual([1]);
    });

    it('redelivers to the group a message whose subscriber closed before acknowledging', async () => {
      const topic = unique('alerts');
      const group = unique('g');
      let started!: () => void;
      const inFlight = new Promise<void>(resolve => (started = resolve));
      const crashed = await broker.subscribe(topic, group, () => {
        started();
        return new Promise<void>(() => {}); // the consumer dies mid-delivery
      });
      await broker.publish(topic, { seq: 7 }, { key: 'k' });
      await inFlight;
      await crashed.close();

      const rec = recorder();
      await broker.subscribe(topic, group, rec.handler);
      await until(() => seqs(rec.received).includes(7));
      expect(seqs(rec.received)).toContain(7);
    });

    it('keeps a group’s messages while it has no subscriber', async () => {
      const topic = unique('alerts');
      const group = unique('g');
      const first = recorder();
      const sub = await broker.subscribe(topic, group, first.handler);
      await broker.publish(topic, { seq: 1 }, { key: 'k' });
      await first.waitFor(1);
      await sub.close();

      await broker.publish(topic, { seq: 2 }, { key: 'k' });
      const second = recorder();
      await broker.subscribe(topic, group, second.handler);
      await until(() => seqs(second.received).includes(2));
      expect(seqs(second.received)).toContain(2);
    });

    it('with maxInFlight, calls handlers in publication order and redelivers from a failure', async () => {
      const topic = unique('alerts');
      const group = unique('g');
      const idle = await broker.subscribe(topic, group, async () => {});
      await idle.close();
      for (let seq = 1; seq <= 5; seq++) {
        await broker.publish(topic, { seq }, { key: 'k' });
      }
      const calls: number[] = [];
      let failed = false;
      const rec = recorder(async message => {
        calls.push(message.value.seq as number);
        if (message.value.seq === 3 && !failed) {
          failed = true;
          throw new Error('database unavailable');
        }
      });
      await broker.subscribe(topic, group, rec.handler, { maxInFlight: 10 });
      await until(() =>
        [1, 2, 3, 4, 5].every(s => seqs(rec.received).includes(s)),
      );
      expect([...new Set(calls)]).toEqual([1, 2, 3, 4, 5]);
      expect(calls.filter(s => s === 3)).toHaveLength(2);
    });

    it('subscribes one handler to several topics', async () => {
      const [critical, info] = [unique('critical'), unique('info')];
      const rec = recorder();
      await broker.subscribe([critical, info], unique('g'), rec.handler);
      await broker.publish(critical, { seq: 1 });
      await broker.publish(info, { seq: 2 });
      await rec.waitFor(2);
      expect(rec.received.map(m => m.topic).sort()).toEqual(
        [critical, info].sort(),
      );
    });
  });
}
