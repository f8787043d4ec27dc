import express from 'express';
import Router from 'express-promise-router';
import { agentRoutes } from './agentRoutes';
import { publicRoutes } from './publicRoutes';
import type { RouteContext } from './routeContext';
import { tokenRoutes } from './tokenRoutes';

/** The agent hub's HTTP API (`/api/agent-hub`). */
export function createRouter(ctx: RouteContext): express.Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  router.use(publicRoutes(ctx));
  router.use(tokenRoutes(ctx));
  router.use(agentRoutes(ctx));
  return router;
}
