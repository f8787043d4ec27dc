import { InputError } from '@backstage/errors';
import {
  RetainedContainer,
  RetainedLogStore,
} from '../../database/RetainedLogStore';
import {
  createResumeFilter,
  LineNumbering,
  LogCursor,
  LogLine,
} from './logLine';

/** Which kept container a request for a gone pod reads, or undefined if none was kept. */
export async function retainedContainer(
  store: RetainedLogStore,
  pod: Omit<RetainedContainer, 'container'>,
  requested?: string,
): Promise<string | undefined> {
  const containers = await store.containers(pod);
  if (containers.length === 0) return undefined;
  if (requested) {
    if (!containers.includes(requested)) {
      throw new InputError(
        `Container ${requested} was not kept for pod ${
          pod.pod
        }; kept: ${containers.join(', ')}`,
      );
    }
    return requested;
  }
  return containers[0];
}

/** The kept lines of a gone pod's container, positioned like live lines, after `after`. */
export async function* retainedLogLines(
  store: RetainedLogStore,
  key: RetainedContainer,
  after?: LogCursor,
): AsyncGenerator<LogLine> {
  const numbering = new LineNumbering();
  const isNew = createResumeFilter(after);
  for (const { time, text } of await store.lines(key)) {
    const line = { time, ...numbering.next(time, text), source: '', text };
    if (isNew(line)) yield line;
  }
}
