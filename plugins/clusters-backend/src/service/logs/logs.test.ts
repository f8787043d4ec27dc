import { ClusterClient, NamespaceGate } from '@kubedeck/plugin-clusters-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  fakeLines,
  startFakeLogServer,
} from '../../__testUtils__/fakeLogServer';
import { openSse, ReceivedEvent } from '../../__testUtils__/sseClient';
import { startClustersTestBackend } from '../../__testUtils__/testBackend';
import { selectorLogLines } from './streamLogs';

jest.setTimeout(60_000);

const NS = '/api/clusters/v1/clusters/fake/namespaces/ns';
const textOf = (line: string) => line.slice(line.indexOf(' ') + 1);

describe('logs over SSE', () => {
  const start = Date.parse('2026-11-26T10:00:00Z');
  const pods = {
    'one-a': fakeLines('a', 1500, { start, stepMs: 3, sameTimeEvery: 2 }),
    'one-b': fakeLines('b', 40, { start: start + 1, stepMs: 11 }),
    long: [`${new Date(start).toISOString()} ${'x'.repeat(10_050)}`],
  };
  let fake: Awaited<ReturnType<typeof startFakeLogServer>>;
  let backend: Awaited<ReturnType<typeof startClustersTestBackend>>;

  beforeAll(async () => {
    fake = await startFakeLogServer({
      pods,
      cutAfter: () => 1 + Math.floor(Math.random() * 60),
    });
    backend = await startClustersTestBackend({
      list: [
        {
          name: 'fake',
          url: fake.url,
          skipTLSVerify: true,
          auth: { token: 't' },
        },
      ],
      logs: { maxTailLines: 1000 },
    });
  });
  afterAll(async () => {
    await backend.stop();
    await fake.close();
  });

  /** Reads up to `budget` lines after `lastId`, then drops the connection. */
  async function readSome(
    path: string,
    lastId: string | undefined,
    budget: number,
  ) {
    const events: ReceivedEvent[] = [];
    await openSse(
      backend.server,
      path,
      lastId ? { 'Last-Event-ID': lastId } : {},
      event => {
        if (event.event === 'message') events.push(event);
        return events.length < budget;
      },
    );
    return events;
  }

  it('resumes a followed log after 100 dropped connections with every line exactly once', async () => {
    const expected = pods['one-a'].slice(-1000).map(textOf);
    const received: ReceivedEvent[] = [];
    let drops = 0;
    while (received.length < expected.length) {
      const lastId = received[received.length - 1]?.id;
      received.push(
        ...(await readSome(
          `${NS}/pods/one-a/logs?follow=true&tailLines=5000`,
          lastId,
          expected.length / 100,
        )),
      );
      drops += 1;
    }
    expect(drops).toBe(100);
    expect(received.map(e => e.data.line)).toEqual(expected);
    expect(new Set(received.map(e => e.id)).size).toBe(received.length);
    expect(fake.cuts).toBeGreaterThan(20);
  });

  it('resumes with ?since= as well as Last-Event-ID', async () => {
    const first: ReceivedEvent[] = [];
    await openSse(
      backend.server,
      `${NS}/pods/one-b/logs?tailLines=40`,
      {},
      e => {
        if (e.event === 'message') first.push(e);
        return first.length < 10;
      },
    );
    const rest: ReceivedEvent[] = [];
    await openSse(
      backend.server,
      `${NS}/pods/one-b/logs?since=${encodeURIComponent(first[9].id!)}`,
      {},
      e => {
        if (e.event === 'message') rest.push(e);
        return e.event !== 'end';
      },
    );
    expect([...first, ...rest].map(e => e.data.line)).toEqual(
      pods['one-b'].map(textOf),
    );
  });

  it('greps on the server, adds timestamps on request and truncates long lines visibly', async () => {
    const grep: ReceivedEvent[] = [];
    await openSse(
      backend.server,
      `${NS}/pods/one-b/logs?grep=${encodeURIComponent(
        'line (1|2)$',
      )}&timestamps=true`,
      {},
      e => {
        grep.push(e);
        return e.event !== 'end';
      },
    );
    expect(
      grep.filter(e => e.event === 'message').map(e => e.data.line),
    ).toEqual(
      pods['one-b']
        .filter(l => /line (1|2)$/.test(l))
        .map(l => l.replace(/Z /, '000000Z ')),
    );
    const long: ReceivedEvent[] = [];
    await openSse(backend.server, `${NS}/pods/long/logs`, {}, e => {
      long.push(e);
      return e.event !== 'end';
    });
    expect(long[0].data.line).toMatch(/ … \[truncated 50 characters\]$/);
    expect(long[0].data.truncated).toBe(50);
  });

  it('merges the pods of a label selector in time order with a pod/container prefix', async () => {
    const events: ReceivedEvent[] = [];
    await openSse(
      backend.server,
      `${NS}/logs?labelSelector=app%3Dfake&tailLines=30`,
      {},
      e => {
        events.push(e);
        return e.event !== 'end';
      },
    );
    const lines = events.filter(e => e.event === 'message');
    expect(lines).toHaveLength(61);
    const times = lines.map(e => e.data.time);
    expect(times).toEqual([...times].sort());
    expect(
      new Set(lines.map(e => `${e.data.pod}/${e.data.container}`)),
    ).toEqual(new Set(['one-a/app', 'one-b/app', 'long/app']));
  });

  it('accepts the user cookie on streams (EventSource) and nowhere else', async () => {
    const strict = await startClustersTestBackend(
      {
        list: [
          {
            name: 'fake',
            url: fake.url,
            skipTLSVerify: true,
            auth: { token: 't' },
          },
        ],
      },
      { anonymousRequests: 'refused' },
    );
    try {
      const cookie = {
        Cookie: mockCredentials.limitedUser.cookie('user:default/guest'),
      };
      const anonymous = await openSse(
        strict.server,
        `${NS}/pods/one-b/logs?tailLines=3`,
        {},
        () => false,
      );
      expect(anonymous.status).toBe(401);
      const events: ReceivedEvent[] = [];
      const stream = await openSse(
        strict.server,
        `${NS}/pods/one-b/logs?tailLines=3`,
        cookie,
        e => {
          events.push(e);
          return e.event !== 'end';
        },
      );
      expect(stream.status).toBe(200);
      expect(events.filter(e => e.event === 'message')).toHaveLength(3);
      const plain = await request(strict.server)
        .get('/api/clusters/v1/clusters')
        .set(cookie);
      expect(plain.status).toBe(401);
    } finally {
      await strict.stop();
    }
  });

  it('refuses an invalid regular expression, an unknown container and an unknown pod', async () => {
    const bad = await request(backend.server).get(
      `${NS}/pods/one-a/logs?grep=(`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('not a valid regular expression');
    expect(
      (
        await request(backend.server).get(
          `${NS}/pods/one-a/logs?container=nope`,
        )
      ).status,
    ).toBe(400);
    expect(
      (await request(backend.server).get(`${NS}/pods/ghost/logs`)).status,
    ).toBe(404);
  });
});

describe('following a label selector', () => {
  it('attaches pods that appear while following', async () => {
    const start = Date.parse('2026-11-26T10:00:00Z');
    const pods: Record<string, string[]> = {
      first: fakeLines('first', 5, { start }),
    };
    const fake = await startFakeLogServer({ pods, cutAfter: () => 1000 });
    const client = new ClusterClient(
      { name: 'fake', connectionType: 'direct' },
      fake.kubeConfig,
      new NamespaceGate(fake.kubeConfig, undefined),
      undefined,
    );
    const controller = new AbortController();
    const seen: string[] = [];
    const logRequest = {
      follow: true,
      previous: false,
      timestamps: false,
      tailLines: 10,
    };
    for await (const line of selectorLogLines({
      client,
      namespace: 'ns',
      labelSelector: 'app=fake',
      request: logRequest,
      signal: controller.signal,
      attachIntervalMs: 50,
    })) {
      seen.push(`${line.source} ${line.text}`);
      if (seen.length === 5)
        pods.later = fakeLines('later', 3, { start: start + 1000 });
      if (seen.length === 8) controller.abort();
    }
    expect(seen.slice(5)).toEqual([
      'later/app later line 0',
      'later/app later line 1',
      'later/app later line 2',
    ]);
    await fake.close();
  });
});
