import { AuditorService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  clusterResourceCreatePermission,
  clusterResourceDeletePermission,
  clusterResourceUpdatePermission,
} from '@kubedeck/plugin-clusters-common';
import { Request, Router } from 'express';
import { z } from 'zod';
import { auditedWrite } from './audit';
import { applyManifests } from './apply';
import { RequestContexts, ResourceContext } from './RequestContext';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';

const FIELD_MANAGER = 'kubedeck';

const patchBody = z.object({
  type: z.enum(['merge', 'json', 'strategic']).default('merge'),
  patch: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]),
});
const scaleBody = z.object({ replicas: z.number().int().min(0).max(10_000) });
const deleteQuery = z.object({
  propagationPolicy: z.enum(['Foreground', 'Background', 'Orphan']).optional(),
  /** Pods: how long they may take to stop; 0 removes them at once (force delete). */
  gracePeriodSeconds: z.coerce.number().int().min(0).max(86_400).optional(),
});
const createBody = z
  .object({
    kind: z.string().optional(),
    metadata: z.object({ name: z.string().min(1) }).passthrough(),
  })
  .passthrough();

const PATCH_TYPES = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};
const RESTARTABLE = ['Deployment', 'StatefulSet', 'DaemonSet'];

function auditMeta(ctx: ResourceContext, action: string) {
  return {
    action,
    cluster: ctx.client.name,
    kind: ctx.api.kind,
    namespace: ctx.namespace ?? null,
    name: ctx.name ?? null,
  };
}

function requireName(ctx: ResourceContext) {
  if (!ctx.name) {
    throw new InputError('An object name is required');
  }
}

async function patchObject(
  ctx: ResourceContext,
  body: unknown,
  contentType: string,
  subresource = '',
) {
  return ctx.client.requestJson({
    method: 'PATCH',
    path: ctx.path + subresource,
    body,
    contentType,
    query: { fieldManager: FIELD_MANAGER },
  });
}

function restartPatch() {
  const restartedAt = new Date().toISOString();
  return {
    spec: {
      template: {
        metadata: {
          annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt },
        },
      },
    },
  };
}

type Handler = (ctx: ResourceContext, req: Request) => Promise<unknown>;

const handlers: Record<string, { permission: any; run: Handler }> = {
  create: {
    permission: clusterResourceCreatePermission,
    run: (ctx, req) =>
      ctx.client.requestJson({
        method: 'POST',
        path: ctx.path,
        body: parseInput(createBody, req.body, 'object'),
        query: { fieldManager: FIELD_MANAGER },
      }),
  },
  patch: {
    permission: clusterResourceUpdatePermission,
    run: (ctx, req) => {
      const { type, patch } = parseInput(patchBody, req.body, 'patch');
      return patchObject(ctx, patch, PATCH_TYPES[type]);
    },
  },
  delete: {
    permission: clusterResourceDeletePermission,
    run: (ctx, req) =>
      ctx.client.requestJson({
        method: 'DELETE',
        path: ctx.path,
        query: parseInput(deleteQuery, req.query, 'query'),
      }),
  },
  scale: {
    permission: clusterResourceUpdatePermission,
    run: (ctx, req) => {
      const { replicas } = parseInput(scaleBody, req.body, 'scale request');
      return patchObject(
        ctx,
        { spec: { replicas } },
        PATCH_TYPES.merge,
        '/scale',
      );
    },
  },
  restart: {
    permission: clusterResourceUpdatePermission,
    run: ctx => {
      if (!RESTARTABLE.includes(ctx.api.kind)) {
        throw new InputError(
          `Rollout restart works on ${RESTARTABLE.join(', ')}, not ${
            ctx.api.kind
          }`,
        );
      }
      return patchObject(ctx, restartPatch(), PATCH_TYPES.strategic);
    },
  },
};

function route(
  contexts: RequestContexts,
  auditor: AuditorService,
  action: string,
) {
  const { permission, run } = handlers[action];
  return async (req: Request<any>, res: any) => {
    const ctx = await contexts.resource(req);
    if (action !== 'create') {
      requireName(ctx);
    }
    await ctx.assert(permission);
    const result = await auditedWrite(
      auditor,
      req,
      auditMeta(ctx, action),
      () => run(ctx, req),
    );
    res.status(action === 'create' ? 201 : 200).json(result);
  };
}

/** Create, apply, patch, delete, scale and rollout restart; each audited. */
export function addWriteRoutes(
  router: Router,
  contexts: RequestContexts,
  auditor: AuditorService,
) {
  router.post('/clusters/:cluster/apply', async (req, res) => {
    const client = await contexts.client(req);
    res.json(
      await applyManifests({
        client,
        req,
        auditor,
        discovery: contexts.discovery,
      }),
    );
  });
  // Namespaced routes first: creating a namespaced `…/{group}/v1/restart` (or `scale`) has
  // the shape of a cluster-scoped object's `…/{resource}/{name}/restart` route.
  const prefixes = [
    '/clusters/:cluster/namespaces/:namespace',
    '/clusters/:cluster',
  ];
  for (const prefix of prefixes) {
    const collection = `${prefix}/:group/:version/:resource`;
    router.post(collection, route(contexts, auditor, 'create'));
    router.patch(`${collection}/:name`, route(contexts, auditor, 'patch'));
    router.delete(`${collection}/:name`, route(contexts, auditor, 'delete'));
    router.post(`${collection}/:name/scale`, route(contexts, auditor, 'scale'));
    router.post(
      `${collection}/:name/restart`,
      route(contexts, auditor, 'restart'),
    );
  }
}
