import type { ServerResponse } from 'node:http';
import { StoreError, type KubeObject, type WatchEvent } from '../store/types';
import { query, served, type ResourceRequest } from './context';
import { includeObject, requestedShape } from './negotiate';
import { apiVersionOf } from './resources';
import { statusObject } from './status';
import { buildTable } from './table';

/** Serialized objects, shared by every watcher of the same event (fan-out serializes once). */
const encoded = new WeakMap<KubeObject, string>();

function objectJson(object: KubeObject): string {
  let text = encoded.get(object);
  if (text === undefined) {
    text = JSON.stringify(object);
    encoded.set(object, text);
  }
  return text;
}

/** A slow client whose unsent output passes this is disconnected, as the real server does. */
const MAX_BUFFERED = 32 * 1024 * 1024;

/** Turns store events into the JSON lines of one watch response, in the representation asked for. */
function eventEncoder(r: ResourceRequest): (event: WatchEvent) => string {
  const shape = requestedShape(r.req.headers.accept);
  const include = includeObject(r);
  let sentColumns = false;
  const line = (type: string, object: unknown) => `${JSON.stringify({ type, object })}\n`;
  return event => {
    const { type, object } = event;
    if (type === 'BOOKMARK') {
      const metadata = { name: '', resourceVersion: object.metadata.resourceVersion, ...(object.metadata.annotations ? { annotations: object.metadata.annotations } : {}) };
      return line(type, { kind: r.def.kind, apiVersion: apiVersionOf(r.def), metadata });
    }
    if (shape === 'table') {
      const table = buildTable(r.def, [object], { resourceVersion: object.metadata.resourceVersion ?? '' }, { include, withColumns: !sentColumns });
      sentColumns = true;
      return line(type, table);
    }
    if (shape === 'metadata') return line(type, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata });
    const view = served(r.def, object);
    return view === object ? `{"type":"${type}","object":${objectJson(object)}}\n` : line(type, view);
  };
}

/** The bookmark that ends the initial events of a `sendInitialEvents=true` watch (WatchList). */
function initialEventsEnd(r: ResourceRequest): WatchEvent {
  const metadata = { name: '', resourceVersion: r.services.store.currentResourceVersion(), annotations: { 'k8s.io/initial-events-end': 'true' } };
  return { type: 'BOOKMARK', object: { apiVersion: '', kind: '', metadata } };
}

function errorLine(error: unknown): string {
  const e = error instanceof StoreError ? error : new StoreError(400, 'BadRequest', String(error));
  return `${JSON.stringify({ type: 'ERROR', object: statusObject(e.code, e.reason, e.message) })}\n`;
}

function startChunkedJson(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
}

/**
 * Streams watch events as JSON lines. A compacted resourceVersion becomes an ERROR event with a
 * 410 Expired Status; `timeoutSeconds` (and the chaos watch-drop switch) end the stream.
 */
export function watchObjects(r: ResourceRequest): Promise<void> {
  const { res, req } = r;
  const encode = eventEncoder(r);
  startChunkedJson(res);
  return new Promise<void>(resolve => {
    let stopped = false;
    let stopWatch = () => {};
    const timers: NodeJS.Timeout[] = [];
    const finish = () => {
      if (stopped) return;
      stopped = true;
      stopWatch();
      for (const t of timers) clearTimeout(t);
      if (!res.writableEnded) res.end();
      resolve();
    };
    const write = (text: string) => {
      if (stopped) return;
      res.write(text);
      if (res.writableLength > MAX_BUFFERED) finish();
    };
    const untrack = r.services.chaos.trackWatch(() => res.destroy());
    req.on('close', finish);
    res.on('close', () => {
      untrack();
      finish();
    });

    const initialEvents = query(r, 'sendInitialEvents') === 'true';
    try {
      const watch = r.services.store.watch(
        r.def,
        {
          namespace: r.namespace,
          labelSelector: query(r, 'labelSelector'),
          fieldSelector: query(r, 'fieldSelector'),
          resourceVersion: initialEvents ? undefined : query(r, 'resourceVersion'),
          allowWatchBookmarks: ['true', '1'].includes(query(r, 'allowWatchBookmarks') ?? ''),
        },
        event => write(encode(event)),
      );
      stopWatch = () => watch.stop();
      if (initialEvents) write(encode(initialEventsEnd(r)));
    } catch (error) {
      write(errorLine(error));
      finish();
      return;
    }
    const timeout = Number(query(r, 'timeoutSeconds') ?? 0);
    if (timeout > 0) timers.push(setTimeout(finish, timeout * 1000));
    const drop = r.services.chaos.settings.dropWatchesAfterSeconds;
    if (drop > 0) timers.push(setTimeout(() => res.destroy(), drop * 1000));
  });
}
