import { R } from '../sim/resources';
import { barePod, containerStatus, eventually, node, simulate } from '../sim/testing';
import { parseLogQuery, rfc3339Nano, selectLines } from './logs';
import { serveHandlers } from './testing';

const lines = [
  { time: Date.parse('2026-11-26T10:00:00.000Z'), text: 'one' },
  { time: Date.parse('2026-11-26T10:00:01.250Z'), text: 'two' },
  { time: Date.parse('2026-11-26T10:00:02.500Z'), text: 'three' },
];

describe('log query semantics', () => {
  it('applies tailLines, sinceTime, timestamps and limitBytes', () => {
    const query = (params: string) => parseLogQuery(new URLSearchParams(params), Date.parse('2026-11-26T10:00:03Z'));
    expect(selectLines(lines, query(''))).toBe('one\ntwo\nthree\n');
    expect(selectLines(lines, query('tailLines=2'))).toBe('two\nthree\n');
    expect(selectLines(lines, query('tailLines=0'))).toBe('');
    expect(selectLines(lines, query('sinceTime=2026-11-26T10:00:01Z'))).toBe('two\nthree\n');
    expect(selectLines(lines, query('sinceSeconds=1'))).toBe('three\n');
    expect(selectLines(lines, query('timestamps=true&tailLines=1'))).toBe('2026-11-26T10:00:02.5Z three\n');
    expect(rfc3339Nano(Date.parse('2026-11-26T10:00:00Z'))).toBe('2026-11-26T10:00:00Z');
  });

  it('rejects invalid parameters like the API server', () => {
    expect(() => parseLogQuery(new URLSearchParams('tailLines=-1'))).toThrow('tailLines: Invalid value: -1: must be greater than or equal to 0');
    expect(() => parseLogQuery(new URLSearchParams('sinceSeconds=5&sinceTime=2026-11-26T10:00:00Z'))).toThrow('at most one of `sinceTime` or `sinceSeconds` may be specified');
  });
});

describe('GET pods/log', () => {
  async function setup() {
    const env = await simulate({
      nodes: [node('a')],
      namespaces: ['apps'],
      objects: [
        barePod('two', 'apps', { containers: [{ name: 'api', image: 'api:1' }, { name: 'proxy', image: 'envoy:1' }] }, { 'kube-sim.kubedeck.io/log-rate': '5' }),
        barePod('crashy', 'apps', { containers: [{ name: 'app', image: 'app-crashloop:1' }] }, { 'kube-sim.kubedeck.io/run-seconds': '10' }),
      ],
    }, 0.01);
    const http = await serveHandlers(env.sim.handlers);
    const get = async (path: string) => {
      const res = await fetch(`${http.url}/namespaces/apps/pods/${path}`);
      return { status: res.status, text: await res.text() };
    };
    await eventually('running', () => containerStatus(env.store.get(R.pods, 'apps', 'two'))?.state.running);
    return { ...env, http, get };
  }

  it('serves a container log and requires the container of multi-container pods', async () => {
    const { get, http, sim } = await setup();
    const missing = await get('two/log');
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text)).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'a container name must be specified for pod two, choose one of: [api proxy]' });
    expect((await get('two/log?container=nope')).text).toContain('container nope is not valid for pod two');
    const first = await get('two/log?container=api');
    expect(first.status).toBe(200);
    expect(first.text.split('\n')[0]).toBe('Starting api 1');
    const tail = await get('two/log?container=api&tailLines=1&timestamps=true');
    expect(tail.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z \S.*\n$/);
    const limited = await get('two/log?container=api&limitBytes=5');
    expect(limited.text).toBe('Start');
    await http.close();
    await sim.stop();
  });

  it('answers previous=true with the last run, or 400 when there is none', async () => {
    const { get, http, sim, store } = await setup();
    const none = await get('two/log?container=api&previous=true');
    expect(none.status).toBe(400);
    expect(JSON.parse(none.text).message).toBe('previous terminated container "api" in pod "two" not found');
    await eventually('restarted', () => (containerStatus(store.get(R.pods, 'apps', 'crashy'))?.restartCount ?? 0) >= 1 && containerStatus(store.get(R.pods, 'apps', 'crashy'))?.state.running);
    const previous = await get('crashy/log?previous=true');
    expect(previous.status).toBe(200);
    expect(previous.text).toContain('panic: runtime error: invalid memory address or nil pointer dereference');
    await http.close();
    await sim.stop();
  });

  it('follows until the container exits', async () => {
    const { http, sim, store } = await setup();
    await eventually('crashy running', () => containerStatus(store.get(R.pods, 'apps', 'crashy'))?.state.running);
    const res = await fetch(`${http.url}/namespaces/apps/pods/crashy/log?follow=true`);
    const text = await res.text();
    expect(text.startsWith('Starting app 1\n')).toBe(true);
    expect(text).toContain('goroutine 1 [running]:');
    await http.close();
    await sim.stop();
  });
  it('follows on from exactly the last replayed line, even when lines fall due while the request starts', async () => {
    const { http, sim, get } = await setup();
    // While the follow request starts, every clock read moves time on past the next line.
    const realNow = Date.now;
    let skew = 0;
    let ticking = true;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + (ticking ? (skew += 3) : skew));
    const abort = new AbortController();
    try {
      const res = await fetch(`${http.url}/namespaces/apps/pods/two/log?container=api&follow=true`, { signal: abort.signal });
      ticking = false;
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let followed = '';
      while (followed.split('\n').length < 40) {
        const { value, done } = await reader.read();
        if (done) break;
        followed += decoder.decode(value, { stream: true });
      }
      abort.abort();
      const complete = followed.slice(0, followed.lastIndexOf('\n') + 1);
      const full = (await get('two/log?container=api')).text;
      expect(complete.split('\n').length).toBeGreaterThan(30);
      expect(full.startsWith(complete)).toBe(true);
    } finally {
      clock.mockRestore();
      await http.close();
      await sim.stop();
    }
  });
});
