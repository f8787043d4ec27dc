import http from 'node:http';
import { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';

/** Lines of one pod's single container `app`, as `<RFC 3339 time> <text>`. */
export type FakePods = Record<string, string[]>;

/** Builds `count` lines starting at `start`, `stepMs` apart, `sameTimeEvery` sharing a time. */
export function fakeLines(
  prefix: string,
  count: number,
  options: { start?: number; stepMs?: number; sameTimeEvery?: number } = {},
) {
  const start = options.start ?? Date.parse('2026-11-26T10:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const time =
      start +
      Math.floor(i / (options.sameTimeEvery ?? 1)) * (options.stepMs ?? 7);
    return `${new Date(time).toISOString()} ${prefix} line ${i}`;
  });
}

function podObject(name: string) {
  return {
    metadata: {
      name,
      namespace: 'ns',
      uid: `uid-${name}`,
      labels: { app: 'fake' },
    },
    spec: { containers: [{ name: 'app' }] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'app', state: { running: {} } }],
    },
  };
}

function selectLog(lines: string[], url: URL): string[] {
  const since = url.searchParams.get('sinceTime');
  const tail = url.searchParams.get('tailLines');
  let selected = since
    ? lines.filter(l => Date.parse(l.split(' ')[0]) >= Date.parse(since))
    : lines;
  if (tail) selected = selected.slice(-Number(tail));
  return selected;
}

/**
 * A tiny API server serving pods' logs whose follow streams are cut after a few lines
 * (sometimes mid-line): the worst case for resuming upstream.
 */
export async function startFakeLogServer(options: {
  pods: FakePods;
  cutAfter: () => number;
}) {
  let cuts = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const match =
      /^\/api\/v1\/namespaces\/ns\/pods(?:\/([^/]+))?(\/log)?$/.exec(
        url.pathname,
      );
    const pod = match?.[1];
    if (!match || (pod && !options.pods[pod])) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          code: 404,
          message: `pods "${pod}" not found`,
        }),
      );
      return;
    }
    if (!pod) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          items: Object.keys(options.pods).map(podObject),
          metadata: {},
        }),
      );
      return;
    }
    if (!match[2]) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(podObject(pod)));
      return;
    }
    const selected = selectLog(options.pods[pod], url);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    if (url.searchParams.get('follow') !== 'true') {
      res.end(selected.map(l => `${l}\n`).join(''));
      return;
    }
    const count = Math.min(selected.length, options.cutAfter());
    const partial = selected[count] ? selected[count].slice(0, 12) : '';
    cuts += 1;
    res.end(
      selected
        .slice(0, count)
        .map(l => `${l}\n`)
        .join('') + partial,
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromClusterAndUser(
    { name: 'fake', server: url, skipTLSVerify: true },
    { name: 'u', token: 't' },
  );
  return {
    url,
    kubeConfig,
    get cuts() {
      return cuts;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
