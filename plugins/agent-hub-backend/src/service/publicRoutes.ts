import Router from 'express-promise-router';
import { AuthenticationError } from '@backstage/errors';
import { pushReportSchema } from '@kubedeck/plugin-agent-hub-common';
import { renderManifests } from './manifests';
import { RateLimiter } from './RateLimiter';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';
import type { RouteContext } from './routeContext';
import { installOptions } from './tokenRoutes';

/** 429: the caller sent too many requests; the error handler uses `statusCode`. */
class TooManyRequestsError extends Error {
  name = 'TooManyRequestsError';
  statusCode = 429;
}

/** Routes that authenticate themselves; plugin.ts opens exactly these paths. */
export const PUBLIC_PATHS = ['/v1/report', '/v1/manifests'];

/**
 * `POST /v1/report` (push-only agents, `X-API-Key` = the agent credential, stored as a SHA-256
 * hash) and `GET /v1/manifests?token=` (the registration token is the credential).
 */
export function publicRoutes(ctx: RouteContext) {
  const router = Router();
  const perMinute = ctx.config.report.requestsPerMinute;
  const reports = new RateLimiter(perMinute, 60_000);
  const manifests = new RateLimiter(perMinute, 60_000);

  router.post('/v1/report', async (req, res) => {
    const key = req.header('x-api-key') ?? '';
    const agent = await ctx.agents.authenticate(key);
    if (!agent) {
      throw new AuthenticationError('Missing or invalid X-API-Key');
    }
    if (!reports.take(agent.id)) {
      res.setHeader('retry-after', '60');
      throw new TooManyRequestsError(
        `Agent ${agent.id} sent more than ${perMinute} reports this minute`,
      );
    }
    const report = parseInput(pushReportSchema, req.body, 'report');
    if (report.clusterInfo) {
      await ctx.agents.clusterInfo(
        agent.id,
        report.clusterInfo,
        report.agentVersion,
      );
    }
    // A report lists every failure the agent sees now: one it leaves out has resolved.
    await ctx.agents.failures(agent, report.failures, true);
    await ctx.agents.reported(agent);
    res
      .status(202)
      .json({ agentId: agent.id, accepted: report.failures.length });
  });

  router.get('/v1/manifests', async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    if (!manifests.take(req.ip ?? 'unknown')) {
      throw new TooManyRequestsError('Too many manifest requests');
    }
    const record = token ? await ctx.tokens.findActive(token) : undefined;
    if (!record) {
      throw new AuthenticationError(
        'Unknown, used, expired or revoked registration token',
      );
    }
    res
      .type('application/yaml')
      .send(renderManifests(installOptions(ctx, token, record)));
  });

  return router;
}
