import { useApi } from '@backstage/frontend-plugin-api';
import { LogLineEvent } from '@kubedeck/plugin-clusters-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { clustersApiRef, LogOptions, LogTarget, StreamState } from '../../api';

/** Lines kept in the browser; older ones are dropped (download gets what is kept). */
export const MAX_LINES = 10_000;

/** What {@link useLogStream} returns. */
export type LogStream = {
  lines: LogLineEvent[];
  state: StreamState;
  /** Lines received while paused, shown on resume. */
  pending: number;
};

/**
 * Streams a log into state. While `paused`, lines keep arriving but are held back, so
 * nothing is lost and the view stays still. The stream itself resumes after network drops.
 */
export function useLogStream(
  target: LogTarget | undefined,
  options: LogOptions,
  paused: boolean,
): LogStream {
  const api = useApi(clustersApiRef);
  const [lines, setLines] = useState<LogLineEvent[]>([]);
  const [state, setState] = useState<StreamState>({ state: 'connecting' });
  const [pending, setPending] = useState(0);
  const held = useRef<LogLineEvent[]>([]);
  const pausedRef = useRef(paused);
  const key = JSON.stringify({ target, options });

  const flush = useCallback(() => {
    const incoming = held.current;
    held.current = [];
    setPending(0);
    if (incoming.length > 0) {
      setLines(current => {
        const next = current.concat(incoming);
        return next.length > MAX_LINES
          ? next.slice(next.length - MAX_LINES)
          : next;
      });
    }
  }, []);

  useEffect(() => {
    pausedRef.current = paused;
    if (!paused) flush();
  }, [paused, flush]);

  useEffect(() => {
    if (!target) return undefined;
    setLines([]);
    held.current = [];
    setPending(0);
    let scheduled = false;
    const stop = api.streamLogs(target, options, {
      onLine: line => {
        held.current.push(line);
        if (pausedRef.current) {
          setPending(held.current.length);
        } else if (!scheduled) {
          // batch the lines of one burst into one render
          scheduled = true;
          queueMicrotask(() => {
            scheduled = false;
            if (!pausedRef.current) flush();
          });
        }
      },
      onState: setState,
    });
    return stop;
    // target and options are identified by key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, flush]);

  return { lines, state, pending };
}
