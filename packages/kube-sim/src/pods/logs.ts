import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../store/types';
import { sendError } from '../api/http';
import { badRequest } from '../api/status';
import type { PodRequestParams } from '../sim/types';
import type { SimulationParts } from '../sim';
import { runsOf, type LogLine, type RunInfo } from '../sim/logs';
import { R } from '../sim/resources';
import { findPod, pickContainer } from './podlookup';

export interface LogQuery {
  container: string | null;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  limitBytes?: number;
  /** Only lines at or after this time (ms). */
  since?: number;
}

function nonNegative(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw badRequest(`${name}: Invalid value: ${raw}: must be greater than or equal to 0`);
  return value;
}

/** Parses and validates the query of GET .../pods/{name}/log. */
export function parseLogQuery(query: URLSearchParams, now = Date.now()): LogQuery {
  const sinceSeconds = nonNegative(query, 'sinceSeconds');
  const sinceTime = query.get('sinceTime');
  if (sinceSeconds !== undefined && sinceTime) throw badRequest('at most one of `sinceTime` or `sinceSeconds` may be specified');
  let since: number | undefined;
  if (sinceTime) {
    since = Date.parse(sinceTime);
    if (Number.isNaN(since)) throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
  } else if (sinceSeconds !== undefined) {
    since = now - sinceSeconds * 1000;
  }
  const flag = (name: string) => query.get(name) === 'true' || query.get(name) === '1';
  return {
    container: query.get('container'),
    follow: flag('follow'),
    previous: flag('previous'),
    timestamps: flag('timestamps'),
    tailLines: nonNegative(query, 'tailLines'),
    limitBytes: nonNegative(query, 'limitBytes'),
    since,
  };
}

/** RFC3339Nano as Go prints it: fraction without trailing zeros. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  const [head, fraction] = iso.slice(0, -1).split('.');
  const trimmed = `${fraction}000000`.replace(/0+$/, '');
  return trimmed ? `${head}.${trimmed}Z` : `${head}Z`;
}

/** The lines a log request selects (since, tail) rendered as text (timestamps, limitBytes). */
export function selectLines(lines: LogLine[], query: LogQuery): string {
  let selected = query.since !== undefined ? lines.filter(l => l.time >= query.since!) : lines;
  if (query.tailLines !== undefined) selected = query.tailLines === 0 ? [] : selected.slice(-query.tailLines);
  return render(selected, query);
}

function render(lines: LogLine[], query: LogQuery): string {
  return lines.map(l => (query.timestamps ? `${rfc3339Nano(l.time)} ${l.text}\n` : `${l.text}\n`)).join('');
}

function chooseRun(parts: SimulationParts, pod: KubeObject, container: string, previous: boolean): RunInfo {
  const runs = runsOf(parts.kubelet, pod, container);
  if (previous) {
    if (!runs.previous) throw badRequest(`previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
    return runs.previous;
  }
  if (!runs.current) {
    const reason = runs.waiting === 'ImagePullBackOff' || runs.waiting === 'ErrImagePull' ? 'trying and failing to pull image' : runs.waiting ?? 'ContainerCreating';
    throw badRequest(`container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
  }
  return runs.current;
}

/** Writes text to the response, stopping at `limitBytes` like the kubelet does. */
class LimitedWriter {
  private written = 0;
  private ended = false;

  constructor(private readonly res: ServerResponse, private readonly limit?: number) {}

  get full(): boolean {
    return this.limit !== undefined && this.written >= this.limit;
  }

  write(text: string): void {
    if (!text || this.ended) return;
    let buffer = Buffer.from(text);
    if (this.limit !== undefined) buffer = buffer.subarray(0, Math.max(0, this.limit - this.written));
    this.written += buffer.length;
    if (buffer.length) this.res.write(buffer);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.res.end();
  }
}

/** GET .../pods/{name}/log with the real query semantics; `follow` streams until the run ends. */
export function serveLog(parts: SimulationParts, req: IncomingMessage, res: ServerResponse, params: PodRequestParams): void {
  try {
    const query = parseLogQuery(params.query);
    const pod = findPod(parts.ctx.store, params.namespace, params.name);
    const container = pickContainer(pod, query.container);
    const run = chooseRun(parts, pod, container.name, query.previous);
    const log = parts.logs.instanceLog(pod, container, run);
    // The replay and the follow cursor come from one snapshot of the log: reading the log again
    // would generate the lines due meanwhile and skip them.
    const replay = log.lines();
    const cursor = log.total;
    const writer = new LimitedWriter(res, query.limitBytes);
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
    writer.write(selectLines(replay, query));
    if (!query.follow || run.finishedAt !== undefined || writer.full) {
      res.end();
      return;
    }
    follow(parts, req, writer, pod, container, run, query, cursor);
  } catch (error) {
    sendError(res, error);
  }
}

/** Streams the lines appended after `from` (a position in the run's log) until the run ends. */
function follow(parts: SimulationParts, req: IncomingMessage, writer: LimitedWriter, pod: KubeObject, container: { name: string; image?: string }, run: RunInfo, query: LogQuery, from: number): void {
  const tickMs = Math.min(Math.max(parts.logs.intervalMs(pod), 20), 1000);
  let cursor = from;
  let timer: NodeJS.Timeout | undefined = undefined;
  const stop = () => {
    clearInterval(timer);
    writer.end();
  };
  timer = setInterval(() => {
    const current = parts.ctx.store.get(R.pods, pod.metadata.namespace, pod.metadata.name);
    const runs: ReturnType<typeof runsOf> = current && current.metadata.uid === pod.metadata.uid ? runsOf(parts.kubelet, current, container.name) : {};
    const same = [runs.current, runs.previous].find(r => r?.index === run.index);
    const ended = !same || same.finishedAt !== undefined;
    const log = parts.logs.instanceLog(pod, container, same ?? { ...run, finishedAt: run.finishedAt ?? Date.now() });
    writer.write(render(log.linesAfter(cursor), query));
    cursor = log.total;
    if (ended || writer.full) stop();
  }, tickMs);
  req.on('close', stop);
}
