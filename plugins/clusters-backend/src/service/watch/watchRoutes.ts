import { clusterResourceReadPermission } from '@kubedeck/plugin-clusters-common';
import { InputError } from '@backstage/errors';
import { Request, Response, Router } from 'express';
import { z } from 'zod';
import { secretPresenter } from '../masking';
import { objectPath, RequestContexts } from '../RequestContext';
import { SseStream } from '../sse';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';
import { kubeName } from '../validation';
import { createVisibilityFilter } from '../visibility';
import { Informer, InformerEvent } from './Informer';
import { InformerRegistry } from './InformerRegistry';
import { AsyncQueue } from './AsyncQueue';

const watchQuery = z.object({
  resource: z
    .string()
    .regex(
      /^([a-z0-9.-]+\/)?v[0-9a-z]+\/[a-z0-9.-]+$/,
      'use group/version/resource, such as apps/v1/deployments or v1/pods',
    ),
  namespace: kubeName.optional(),
  since: z.string().optional(),
});

function splitResource(resource: string) {
  const parts = resource.split('/');
  return parts.length === 2
    ? { group: 'core', version: parts[0], resource: parts[1] }
    : { group: parts[0], version: parts[1], resource: parts[2] };
}

/** Parses `epoch:seq`; undefined for anything else. */
export function parseWatchId(id: string | undefined) {
  const match = id ? /^([0-9a-f]{8}):(\d+)$/.exec(id) : null;
  return match ? { epoch: match[1], seq: Number(match[2]) } : undefined;
}

async function resolveWatch(contexts: RequestContexts, req: Request) {
  const query = parseInput(watchQuery, req.query, 'watch query');
  const client = await contexts.client(req, { stream: true });
  const gvr = splitResource(query.resource);
  const api = await contexts.discovery.resolve(
    client.name,
    gvr.group,
    gvr.version,
    gvr.resource,
  );
  if (query.namespace && !api.namespaced) {
    throw new InputError(`${api.resource} are not namespaced`);
  }
  if (query.namespace) {
    await client.assertNamespaceVisible(query.namespace);
    await client.permissions!.assert(clusterResourceReadPermission, {
      cluster: client.name,
      namespace: query.namespace,
      kind: api.kind,
    });
  }
  const visible = await createVisibilityFilter(
    client,
    api.kind,
    clusterResourceReadPermission,
  );
  const present = await secretPresenter(client, api.kind);
  const resumeId = req.get('last-event-id') || query.since;
  return {
    client,
    api,
    namespace: query.namespace,
    visible,
    present,
    resume: parseWatchId(resumeId),
  };
}

const MAX_PENDING_EVENTS = 10_000;

type ResolvedWatch = Awaited<ReturnType<typeof resolveWatch>>;

async function sendReset(
  informer: Informer,
  sse: SseStream,
  w: ResolvedWatch,
  seq: number,
  snapshot: any[],
) {
  const items = [];
  for (const object of snapshot) {
    if (await w.visible(object)) items.push(w.present(object));
  }
  await sse.send({
    id: `${informer.epoch}:${seq}`,
    event: 'reset',
    data: {
      kind: w.api.kind,
      items,
      resourceVersion: informer.resourceVersion,
    },
  });
}

/** Streams one informer to one viewer: replay or reset first, then live events, in order. */
async function streamWatch(
  informer: Informer,
  sse: SseStream,
  w: ResolvedWatch,
) {
  const queue = new AsyncQueue<InformerEvent>();
  const replay =
    w.resume?.epoch === informer.epoch
      ? informer.eventsAfter(w.resume.seq)
      : undefined;
  // snapshot, sequence and subscription in one synchronous step: nothing slips between them
  const startSeq = informer.seq;
  const snapshot = replay ? undefined : informer.list();
  queue.push(...(replay ?? []));
  // a viewer too slow to keep up is disconnected; it resumes (or gets a reset) on reconnect
  const unsubscribe = informer.subscribe(event => {
    if (queue.size >= MAX_PENDING_EVENTS) queue.close();
    else queue.push(event);
  });
  sse.signal.addEventListener('abort', () => queue.close());
  informer.onStop(() => queue.close());
  try {
    if (snapshot) {
      await sendReset(informer, sse, w, startSeq, snapshot);
    }
    for (let event = await queue.next(); event; event = await queue.next()) {
      if (sse.closed) break;
      if (await w.visible(event.object)) {
        await sse.send({
          id: `${informer.epoch}:${event.seq}`,
          data: { type: event.type, object: w.present(event.object) },
        });
      }
    }
  } finally {
    unsubscribe();
  }
}

/** `GET /clusters/{c}/watch?resource=&namespace=` as server-sent events. */
export function addWatchRoutes(
  router: Router,
  contexts: RequestContexts,
  informers: InformerRegistry,
) {
  router.get(
    '/clusters/:cluster/watch',
    async (req: Request, res: Response) => {
      const w = await resolveWatch(contexts, req);
      const lease = informers.acquire(w.client, objectPath(w.api, w.namespace));
      try {
        await lease.informer.ready;
      } catch (error) {
        lease.release();
        throw error;
      }
      const sse = new SseStream(req, res);
      try {
        await streamWatch(lease.informer, sse, w);
      } catch (error) {
        await sse.send({
          event: 'error',
          data: { message: (error as Error).message },
        });
      } finally {
        lease.release();
        sse.close();
      }
    },
  );
}
