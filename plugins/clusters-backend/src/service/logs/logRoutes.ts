import { clusterLogsReadPermission } from '@kubedeck/plugin-clusters-common';
import { ClusterClient } from '@kubedeck/plugin-clusters-node';
import { InputError, NotFoundError } from '@backstage/errors';
import { Request, Response, Router } from 'express';
import { RequestContexts } from '../RequestContext';
import { SseStream } from '../sse';
import { containerLogLines } from './containerLogs';
import { LogLimits, LogRequest, parseLogRequest } from './logQuery';
import { RetainedLogStore } from '../../database/RetainedLogStore';
import { retainedContainer, retainedLogLines } from './retainedLogs';
import {
  defaultContainer,
  WORKLOAD_KINDS,
  workloadSelector,
} from './podSelection';
import { selectorLogLines, sendLines } from './streamLogs';

async function authorizeLogs(contexts: RequestContexts, req: Request<any>) {
  const client = await contexts.client(req, { stream: true });
  const namespace: string = req.params.namespace;
  await client.assertNamespaceVisible(namespace);
  await client.permissions!.assert(clusterLogsReadPermission, {
    cluster: client.name,
    namespace,
    kind: 'Pod',
  });
  return { client, namespace };
}

async function streamSelector(
  client: ClusterClient,
  namespace: string,
  labelSelector: string,
  req: Request,
  res: Response,
  limits: LogLimits,
) {
  const request = parseLogRequest(req, limits);
  const sse = new SseStream(req, res);
  const lines = selectorLogLines({
    client,
    namespace,
    labelSelector,
    request,
    signal: sse.signal,
  });
  await sendLines(sse, lines, request, limits);
}

/** Serves the kept lines of a pod that no longer exists, or 404 when none were kept. */
async function streamRetained(options: {
  client: ClusterClient;
  namespace: string;
  podName: string;
  req: Request;
  res: Response;
  limits: LogLimits;
  store: RetainedLogStore;
  request: LogRequest;
}) {
  const { client, namespace, podName, store, request } = options;
  const key = { cluster: client.name, namespace, pod: podName };
  const container = await retainedContainer(store, key, request.container);
  if (!container) {
    throw new NotFoundError(`pods "${podName}" not found`);
  }
  const sse = new SseStream(options.req, options.res);
  const lines = retainedLogLines(store, { ...key, container }, request.after);
  await sendLines(sse, lines, { ...request, follow: false }, options.limits);
}

/** One pod's log; a pod that is gone is read from the kept lines, if any. */
function podLogs(
  contexts: RequestContexts,
  limits: LogLimits,
  retained?: RetainedLogStore,
) {
  return async (req: Request<any>, res: Response) => {
    const { client, namespace } = await authorizeLogs(contexts, req);
    const request = parseLogRequest(req, limits);
    const podName: string = req.params.pod;
    const pod = await client
      .requestJson({
        path: `/api/v1/namespaces/${encodeURIComponent(
          namespace,
        )}/pods/${encodeURIComponent(podName)}`,
      })
      .catch(async error => {
        if (error?.name !== 'NotFoundError' || !retained) throw error;
        return undefined;
      });
    if (!pod) {
      await streamRetained({
        client,
        namespace,
        podName,
        req,
        res,
        limits,
        store: retained!,
        request,
      });
      return;
    }
    const container = defaultContainer(pod, request.container);
    const sse = new SseStream(req, res);
    const lines = containerLogLines({
      client,
      namespace,
      pod: podName,
      container,
      source: '',
      follow: request.follow,
      previous: request.previous,
      tailLines: request.tailLines,
      sinceTime: request.sinceTime,
      after: request.after,
      signal: sse.signal,
    });
    await sendLines(sse, lines, request, limits);
  };
}

/** Pod, workload and label-selector logs as server-sent events. */
export function addLogRoutes(
  router: Router,
  contexts: RequestContexts,
  limits: LogLimits,
  retained?: RetainedLogStore,
) {
  router.get(
    '/clusters/:cluster/namespaces/:namespace/pods/:pod/logs',
    podLogs(contexts, limits, retained),
  );

  router.get(
    `/clusters/:cluster/namespaces/:namespace/:kind(${WORKLOAD_KINDS.join(
      '|',
    )})/:name/logs`,
    async (req, res) => {
      const { client, namespace } = await authorizeLogs(contexts, req);
      parseLogRequest(req, limits);
      const selector = await workloadSelector(
        client,
        namespace,
        req.params.kind,
        req.params.name,
      );
      await streamSelector(client, namespace, selector, req, res, limits);
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/logs',
    async (req, res) => {
      const { client, namespace } = await authorizeLogs(contexts, req);
      const { labelSelector } = parseLogRequest(req, limits);
      if (!labelSelector) {
        throw new InputError('labelSelector is required');
      }
      await streamSelector(client, namespace, labelSelector, req, res, limits);
    },
  );
}
