/** Realistic application log lines, deterministic per seed and line number. */
export type LogFormat = 'web' | 'json' | 'worker' | 'db' | 'exporter';

/** A small deterministic PRNG (mulberry32) so a line's content depends only on seed and index. */
export function random(seed: number, index: number): () => number {
  let a = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const paths = ['/', '/api/products', '/api/products/42', '/api/cart', '/api/orders', '/healthz', '/static/app.js', '/api/users/me', '/metrics'];
const agents = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36', 'kube-probe/1.32', 'curl/8.5.0', 'Go-http-client/1.1'];
const messages = ['request completed', 'cache hit', 'cache miss, loading from database', 'order placed', 'payment authorized', 'session refreshed', 'published event'];

/** The log flavour of an image when no annotation chooses one. */
export function formatForImage(image: string): LogFormat {
  if (/nginx|envoy|httpd|traefik/.test(image)) return 'web';
  if (/postgres|mysql|redis|mongo/.test(image)) return 'db';
  if (/python|worker|report|export|migrat|trainer|resizer/.test(image)) return 'worker';
  if (/exporter|prometheus/.test(image)) return 'exporter';
  return 'json';
}

function clf(time: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(time.getUTCDate())}/${months[time.getUTCMonth()]}/${time.getUTCFullYear()}:${p(time.getUTCHours())}:${p(time.getUTCMinutes())}:${p(time.getUTCSeconds())} +0000`;
}

/** Line `index` of a container's log at `time`. */
export function logLine(format: LogFormat, seed: number, index: number, time: Date): string {
  const r = random(seed, index);
  const iso = time.toISOString();
  switch (format) {
    case 'web': {
      const status = r() < 0.93 ? 200 : pick(r, [301, 404, 500, 503]);
      return `10.244.${Math.floor(r() * 4)}.${2 + Math.floor(r() * 200)} - - [${clf(time)}] "${pick(r, ['GET', 'GET', 'GET', 'POST'])} ${pick(r, paths)} HTTP/1.1" ${status} ${Math.floor(r() * 20000)} "-" "${pick(r, agents)}"`;
    }
    case 'db':
      return `${iso.replace('T', ' ').replace('Z', '')} UTC [${1 + Math.floor(r() * 300)}] LOG:  ${pick(r, ['checkpoint starting: time', 'checkpoint complete: wrote 42 buffers (0.3%); 0 WAL file(s) added, 0 removed, 0 recycled', 'duration: 1.204 ms  statement: SELECT 1', 'automatic vacuum of table "orders.public.line_items": index scans: 0'])}`;
    case 'worker':
      return `${iso.replace('T', ' ').replace('Z', '').replace('.', ',')} ${r() < 0.9 ? 'INFO' : 'WARNING'} worker: ${pick(r, ['processed job', 'picked up job', 'acknowledged message'])} ${Math.floor(r() * 100000)} in ${(r() * 2).toFixed(2)}s`;
    case 'exporter':
      return `ts=${iso} caller=${pick(r, ['scrape.go:1321', 'compact.go:576', 'head.go:1293'])} level=${r() < 0.95 ? 'info' : 'warn'} component=${pick(r, ['tsdb', 'scrape', 'collector'])} msg="${pick(r, ['Scrape completed', 'Head GC completed', 'collector succeeded'])}" duration=${(r() * 0.2).toFixed(6)}s`;
    default:
      return JSON.stringify({
        level: pick(r, ['info', 'info', 'info', 'info', 'info', 'info', 'info', 'info', 'info', 'info', 'info', 'warn', 'error']),
        ts: iso,
        msg: pick(r, messages),
        method: pick(r, ['GET', 'POST', 'PUT']),
        path: pick(r, paths),
        status: r() < 0.95 ? 200 : 500,
        duration_ms: Math.floor(r() * 250),
        trace_id: [r(), r()].map(x => Math.floor(x * 2 ** 32).toString(16).padStart(8, '0')).join(''),
      });
  }
}

/** What a container prints when it starts. */
export function startupLines(format: LogFormat, container: string, image: string): string[] {
  const version = image.split(':')[1] ?? 'latest';
  if (format === 'web') return [`/docker-entrypoint.sh: Configuration complete; ready for start up`, `${container}: start worker processes (version ${version})`];
  if (format === 'db') return ['LOG:  starting PostgreSQL on x86_64-pc-linux-gnu', 'LOG:  listening on IPv4 address "0.0.0.0", port 5432', 'LOG:  database system is ready to accept connections'];
  return [`Starting ${container} ${version}`, `Listening on :8080`];
}

/** What a container prints right before it exits this way. */
export function exitLines(exitCode: number | undefined, behavior: string): string[] {
  if (behavior === 'oom') return ['allocating 256MiB for in-memory index', 'allocating 512MiB for in-memory index'];
  if (behavior === 'crashloop') {
    return ['panic: runtime error: invalid memory address or nil pointer dereference', '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6f4a2b]', '', 'goroutine 1 [running]:', 'main.loadConfig(...)', '\t/src/cmd/server/main.go:57 +0x2b'];
  }
  if (exitCode === 0) return ['done: all work finished successfully'];
  if (exitCode !== undefined && exitCode !== 137) return ['Error: upstream returned 503 Service Unavailable', 'exiting with status 1'];
  return [];
}
