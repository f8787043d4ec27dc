import type { LogLineEvent } from '@kubedeck/plugin-clusters-common';
import { ClusterClient } from '@kubedeck/plugin-clusters-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { SseStream } from '../sse';
import { containerLogLines } from './containerLogs';
import { LogMerger } from './LogMerger';
import { formatLogId, LogLine, truncateLine } from './logLine';
import { LogLimits, LogRequest } from './logQuery';
import { PodContainer, selectedContainers } from './podSelection';

const ATTACH_INTERVAL_MS = 3_000;

function eventData(
  line: LogLine,
  request: LogRequest,
  limits: LogLimits,
): LogLineEvent {
  const { text, truncated } = truncateLine(line.text, limits.maxLineLength);
  const [pod, container] = line.source ? line.source.split('/') : [];
  return {
    time: line.time,
    line: request.timestamps ? `${line.time} ${text}` : text,
    ...(pod ? { pod, container } : {}),
    ...(truncated ? { truncated } : {}),
  };
}

/** Writes lines as SSE events (grep applied), then an `end` event when the log is complete. */
export async function sendLines(
  sse: SseStream,
  lines: AsyncIterable<LogLine>,
  request: LogRequest,
  limits: LogLimits,
) {
  try {
    for await (const line of lines) {
      if (sse.closed) {
        return;
      }
      if (request.grep && !request.grep.test(line.text)) {
        continue;
      }
      await sse.send({
        id: formatLogId(line),
        data: eventData(line, request, limits),
      });
    }
    await sse.send({ event: 'end', data: { reason: 'complete' } });
  } catch (error) {
    if (!sse.closed) {
      await sse.send({
        event: 'error',
        data: { message: (error as Error).message },
      });
    }
  } finally {
    sse.close();
  }
}

function sourceOf(target: PodContainer) {
  return `${target.pod}/${target.container}`;
}

/** Where merged lines come from, and how. */
type SelectorLogOptions = {
  client: ClusterClient;
  namespace: string;
  labelSelector: string;
  request: LogRequest;
  signal: AbortSignal;
  attachIntervalMs?: number;
};

/** Adds a source for every container not attached yet; `fromStart` for pods that came later. */
async function attachNew(
  options: SelectorLogOptions,
  merger: LogMerger,
  attached: Set<string>,
  fromStart: boolean,
) {
  const { client, namespace, labelSelector, request, signal } = options;
  const targets = await selectedContainers(
    client,
    namespace,
    labelSelector,
    request.container,
  );
  for (const target of targets) {
    const key = `${target.uid}/${target.container}`;
    if (attached.has(key)) continue;
    attached.add(key);
    merger.add(
      containerLogLines({
        client,
        namespace,
        pod: target.pod,
        container: target.container,
        source: sourceOf(target),
        follow: request.follow,
        previous: request.previous,
        tailLines: fromStart ? undefined : request.tailLines,
        sinceTime: fromStart ? undefined : request.sinceTime,
        after: request.after,
        signal,
      }),
    );
  }
}

/**
 * Lines of every container of the pods a selector matches, merged in time order. Following,
 * pods that appear later are attached from their first line; sources of deleted pods end by
 * themselves.
 */
export async function* selectorLogLines(
  options: SelectorLogOptions,
): AsyncGenerator<LogLine> {
  const { request, signal } = options;
  const merger = new LogMerger(request.follow, signal);
  const attached = new Set<string>();
  await attachNew(options, merger, attached, false);
  if (request.follow) {
    (async () => {
      while (!signal.aborted) {
        await sleep(options.attachIntervalMs ?? ATTACH_INTERVAL_MS, undefined, {
          signal,
        }).catch(() => {});
        if (!signal.aborted)
          await attachNew(options, merger, attached, true).catch(() => {});
      }
    })();
  }
  yield* merger.lines();
}
