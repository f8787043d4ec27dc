import Router from 'express-promise-router';
import {
  agentsReadPermission,
  agentsRevokePermission,
  agentsRotatePermission,
  RotateCredentialResponse,
} from '@kubedeck/plugin-agent-hub-common';
import { audited, authorizeUser } from '@kubedeck/plugin-kubedeck-node';
import type { RouteContext } from './routeContext';

/** `/v1/agents`: status, rotation and revocation. */
export function agentRoutes(ctx: RouteContext) {
  const router = Router();

  router.get('/v1/agents', async (req, res) => {
    await authorizeUser(ctx, req, agentsReadPermission);
    res.json({ items: await ctx.agents.list() });
  });

  router.get('/v1/agents/:id', async (req, res) => {
    await authorizeUser(ctx, req, agentsReadPermission);
    res.json(await ctx.agents.describe(req.params.id));
  });

  router.get('/v1/agents/:id/failures', async (req, res) => {
    await authorizeUser(ctx, req, agentsReadPermission);
    const agent = await ctx.agents.get(req.params.id);
    res.json({ items: await ctx.agents.recentFailures(agent.id) });
  });

  router.post('/v1/agents/:id/rotate', async (req, res) => {
    await authorizeUser(ctx, req, agentsRotatePermission);
    const agentId = req.params.id;
    const credential = await audited(
      ctx,
      req,
      'agent-credential-rotate',
      { agentId },
      () => ctx.agents.rotate(agentId),
    );
    const response: RotateCredentialResponse = { agentId, credential };
    res.json(response);
  });

  router.delete('/v1/agents/:id', async (req, res) => {
    await authorizeUser(ctx, req, agentsRevokePermission);
    const agentId = req.params.id;
    await audited(ctx, req, 'agent-revoke', { agentId }, () =>
      ctx.agents.revoke(agentId),
    );
    res.status(204).end();
  });

  return router;
}
