import {
  AuditorService,
  AuthService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { createCookieAuthRefreshMiddleware } from '@backstage/backend-defaults/httpRouter';
import { ClusterAccessService } from '@kubedeck/plugin-clusters-node';
import express from 'express';
import Router from 'express-promise-router';
import { addClusterRoutes } from './clusterRoutes';
import { ClusterStatusService } from './ClusterStatusService';
import { addReadRoutes } from './readRoutes';
import { RequestContexts } from './RequestContext';
import { ResourceDiscovery } from './ResourceDiscovery';
import { addWriteRoutes } from './writeRoutes';
import { addDiagnosisRoutes } from '../diagnosis/diagnosisRoutes';
import { DiagnosisStore } from '../database/DiagnosisStore';
import { RetainedLogStore } from '../database/RetainedLogStore';
import { addPodRoutes } from './podRoutes';
import { addLogRoutes } from './logs/logRoutes';
import { LogLimits } from './logs/logQuery';
import { addMetricsRoutes } from './metricsRoutes';
import { addWatchRoutes } from './watch/watchRoutes';
import { InformerRegistry } from './watch/InformerRegistry';

/**
 * Paths of the server-sent event routes, which also accept the user cookie (issued at
 * `/.backstage/auth/v1/cookie`) because EventSource cannot send an Authorization header.
 */
export const STREAM_PATHS = [
  '/v1/clusters/:cluster/watch',
  '/v1/clusters/:cluster/namespaces/:namespace/logs',
  '/v1/clusters/:cluster/namespaces/:namespace/:kind/:name/logs',
];

/** What the `/v1` router needs. */
export type RouterOptions = {
  auth: AuthService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  access: ClusterAccessService;
  status: ClusterStatusService;
  discovery: ResourceDiscovery;
  informers: InformerRegistry;
  diagnosisStore: DiagnosisStore;
  /** Kept lines of terminated pods; logs of a gone pod come from here. */
  retainedLogs?: RetainedLogStore;
  logLimits: LogLimits;
};

/** The plugin's HTTP API, mounted at `/api/clusters` (all routes under `/v1`). */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, auditor, access, status, discovery } = options;
  const contexts = new RequestContexts(httpAuth, access, discovery);
  const v1 = Router();
  v1.use(express.json({ limit: '5mb' }));
  addClusterRoutes(v1, { httpAuth, access, status, contexts });
  addDiagnosisRoutes(v1, { httpAuth, access, store: options.diagnosisStore });
  // specific routes first: their paths would also match the generic resource routes
  addPodRoutes(v1, contexts);
  addLogRoutes(v1, contexts, options.logLimits, options.retainedLogs);
  addMetricsRoutes(v1, contexts);
  addWatchRoutes(v1, contexts, options.informers);
  addWriteRoutes(v1, contexts, auditor);
  addReadRoutes(v1, contexts, options.informers);
  const router = Router();
  router.use(
    createCookieAuthRefreshMiddleware({ auth: options.auth, httpAuth }),
  );
  router.use('/v1', v1);
  return router;
}
