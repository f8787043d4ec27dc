import {
  ClusterClient,
  kubeResponseError,
  readKubeBody,
} from '@kubedeck/plugin-clusters-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { followOutcome } from './containerState';
import {
  createResumeFilter,
  LineNumbering,
  LogCursor,
  LogLine,
  splitTimestamp,
} from './logLine';
import { readLines } from './readLines';

/** Where and how to read one container's log. */
export type ContainerLogOptions = {
  client: ClusterClient;
  namespace: string;
  pod: string;
  container: string;
  /** Source name put on every line ('' for a single-container stream). */
  source: string;
  follow: boolean;
  previous?: boolean;
  tailLines?: number;
  sinceTime?: string;
  /** Resume strictly after this position (overrides tailLines and sinceTime). */
  after?: LogCursor;
  signal: AbortSignal;
  /** Pause between attempts while a container waits or the cluster fails. */
  retryDelayMs?: number;
};

function upstreamQuery(
  options: ContainerLogOptions,
  cursor?: LogCursor,
  follow = options.follow,
) {
  const query: Record<string, string | number | boolean | undefined> = {
    container: options.container,
    timestamps: true,
    follow: follow || undefined,
    previous: options.previous || undefined,
  };
  if (cursor) {
    // the API server reads fractional seconds; one that rounds down only replays more lines,
    // which the resume filter skips
    query.sinceTime = cursor.time;
  } else {
    query.sinceTime = options.sinceTime;
    query.tailLines = options.tailLines;
  }
  return query;
}

/**
 * One upstream request: yields lines after `cursor`. A reopened request starts at the cursor's
 * time (sinceTime), so the cursor's line is found again by its time, text and occurrence.
 */
async function* readOnce(
  options: ContainerLogOptions,
  cursor: LogCursor | undefined,
  follow: boolean,
): AsyncGenerator<LogLine> {
  const { client, namespace, pod } = options;
  const response = await client.request({
    path: `/api/v1/namespaces/${encodeURIComponent(
      namespace,
    )}/pods/${encodeURIComponent(pod)}/log`,
    query: upstreamQuery(options, cursor, follow),
    signal: options.signal,
  });
  if (response.status !== 200) {
    throw kubeResponseError(response.status, await readKubeBody(response));
  }
  const numbering = new LineNumbering();
  const isNew = createResumeFilter(cursor);
  let last = cursor;
  for await (const raw of readLines(response.body, () => !follow)) {
    const split = splitTimestamp(raw);
    const time = split.time ?? last?.time ?? '';
    const line = {
      time,
      ...numbering.next(time, split.text),
      source: options.source,
      text: split.text,
    };
    if (!isNew(line)) {
      continue;
    }
    last = line;
    yield line;
  }
}

/**
 * Lines of one container, in order, each exactly once. While following, a cut upstream is
 * reopened from the last line's second and already-sent lines are skipped; a container that
 * restarts is followed into its next run; the stream ends when the pod is gone or done.
 */
export async function* containerLogLines(
  options: ContainerLogOptions,
): AsyncGenerator<LogLine> {
  const retryDelayMs = options.retryDelayMs ?? 2000;
  let cursor = options.after;
  if (!options.follow) {
    yield* readOnce(options, cursor, false);
    return;
  }
  let idleAttempts = 0;
  while (!options.signal.aborted) {
    const before = cursor;
    try {
      for await (const line of readOnce(options, cursor, true)) {
        cursor = line;
        yield line;
      }
    } catch (error) {
      if (options.signal.aborted) {
        return;
      }
      if (cursor === undefined && isClientError(error)) {
        throw error;
      }
    }
    idleAttempts = cursor === before ? idleAttempts + 1 : 0;
    const outcome = await followOutcome(
      options.client,
      options.namespace,
      options.pod,
      options.container,
      options.signal,
    ).catch(() => 'wait' as const);
    if (outcome === 'finish') {
      yield* drain(options, cursor);
      return;
    }
    if (outcome === 'wait' || idleAttempts > 1) {
      const delay = Math.min(retryDelayMs * idleAttempts, retryDelayMs * 5);
      await sleep(Math.max(delay, retryDelayMs / 4), undefined, {
        signal: options.signal,
      }).catch(() => {});
    }
  }
}

/** Reads what is left after a followed container finished; a pod already gone has nothing. */
async function* drain(options: ContainerLogOptions, cursor?: LogCursor) {
  try {
    yield* readOnce(options, cursor, false);
  } catch {
    // the pod was deleted: nothing left to read
  }
}

function isClientError(error: unknown): boolean {
  const name = (error as Error)?.name;
  return name === 'NotFoundError' || name === 'NotAllowedError';
}
