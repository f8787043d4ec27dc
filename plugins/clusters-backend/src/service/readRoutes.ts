import {
  clusterResourceReadPermission,
  matchesSearch,
} from '@kubedeck/plugin-clusters-common';
import { Request, Response, Router } from 'express';
import { stringify } from 'yaml';
import { z } from 'zod';
import { secretPresenter } from './masking';
import { cachedPage } from './cache/cachedList';
import { InformerRegistry } from './watch/InformerRegistry';
import { RequestContexts, ResourceContext } from './RequestContext';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';
import { createVisibilityFilter, filterVisible } from './visibility';

const listQuery = z.object({
  labelSelector: z.string().optional(),
  fieldSelector: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  continue: z.string().optional(),
  /** Text search (see `matchesSearch`): over the whole list from the cache, else this page. */
  search: z.string().max(253).optional(),
  source: z.enum(['cluster', 'cache']).default('cluster'),
});

const getQuery = z.object({ format: z.enum(['json', 'yaml']).optional() });

/** A page from the API server, or from the shared informer cache with `source=cache`. */
async function fetchPage(
  ctx: ResourceContext,
  query: z.infer<typeof listQuery>,
  visible: (object: any) => Promise<boolean>,
  informers: InformerRegistry,
) {
  const { source, search, ...params } = query;
  if (source === 'cache') {
    const lease = informers.acquire(ctx.client, ctx.path);
    try {
      await lease.informer.ready;
      return await cachedPage(lease.informer, { ...params, search }, visible);
    } finally {
      lease.release();
    }
  }
  const list = await ctx.client.requestJson({ path: ctx.path, query: params });
  return {
    items: await filterVisible(
      (list.items ?? []).filter((o: any) => matchesSearch(o, search)),
      visible,
    ),
    resourceVersion: list.metadata?.resourceVersion,
    continue: list.metadata?.continue || undefined,
    remainingItemCount: list.metadata?.remainingItemCount,
  };
}

async function listObjects(
  ctx: ResourceContext,
  req: Request,
  informers: InformerRegistry,
) {
  const query = parseInput(listQuery, req.query, 'query');
  if (ctx.namespace) {
    await ctx.assert(clusterResourceReadPermission);
  }
  const visible = await createVisibilityFilter(
    ctx.client,
    ctx.api.kind,
    clusterResourceReadPermission,
  );
  const page = await fetchPage(ctx, query, visible, informers);
  const present = await secretPresenter(ctx.client, ctx.api.kind);
  const apiVersion =
    ctx.api.group === 'core'
      ? ctx.api.version
      : `${ctx.api.group}/${ctx.api.version}`;
  return {
    kind: ctx.api.kind,
    ...page,
    items: page.items.map((item: any) =>
      present({ apiVersion, kind: ctx.api.kind, ...item }),
    ),
  };
}

function wantsYaml(req: Request, format?: string): boolean {
  if (format) {
    return format === 'yaml';
  }
  const accept = req.get('accept') ?? '';
  return /yaml/.test(accept) && !/json/.test(accept);
}

async function getObject(ctx: ResourceContext, req: Request, res: Response) {
  const { format } = parseInput(getQuery, req.query, 'query');
  await ctx.assert(clusterResourceReadPermission);
  const object = await ctx.client.requestJson({ path: ctx.path });
  const masked = (await secretPresenter(ctx.client, ctx.api.kind))(object);
  if (wantsYaml(req, format)) {
    res.type('application/yaml').send(stringify(masked));
    return;
  }
  res.json(masked);
}

/** Events about one object, newest last. */
async function objectEvents(ctx: ResourceContext) {
  await ctx.assert(clusterResourceReadPermission);
  const object = await ctx.client.requestJson({ path: ctx.path });
  const eventsPath = ctx.namespace
    ? `/api/v1/namespaces/${encodeURIComponent(ctx.namespace)}/events`
    : '/api/v1/events';
  const selectors = [
    `involvedObject.name=${ctx.name}`,
    `involvedObject.kind=${ctx.api.kind}`,
  ];
  if (object.metadata?.uid) {
    selectors.push(`involvedObject.uid=${object.metadata.uid}`);
  }
  const list = await ctx.client.requestJson({
    path: eventsPath,
    query: { fieldSelector: selectors.join(',') },
  });
  const visible = await createVisibilityFilter(
    ctx.client,
    'Event',
    clusterResourceReadPermission,
  );
  const items = await filterVisible(list.items ?? [], visible);
  const time = (e: any) =>
    e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '';
  return {
    items: items.sort((a: any, b: any) => time(a).localeCompare(time(b))),
  };
}

const COLLECTION = ':group/:version/:resource';
const OBJECT = `${COLLECTION}/:name`;

/** List, get (JSON or YAML) and related events of any served resource. */
export function addReadRoutes(
  router: Router,
  contexts: RequestContexts,
  informers: InformerRegistry,
) {
  // Namespaced routes first: `/clusters/c/namespaces/ns/core/v1/events` would otherwise match
  // the cluster-scoped object-events route.
  for (const prefix of [
    '/clusters/:cluster/namespaces/:namespace',
    '/clusters/:cluster',
  ]) {
    router.get(`${prefix}/${COLLECTION}`, async (req, res) => {
      res.json(await listObjects(await contexts.resource(req), req, informers));
    });
    router.get(`${prefix}/${OBJECT}`, async (req, res) => {
      await getObject(await contexts.resource(req), req, res);
    });
    router.get(`${prefix}/${OBJECT}/events`, async (req, res) => {
      res.json(await objectEvents(await contexts.resource(req)));
    });
  }
}
