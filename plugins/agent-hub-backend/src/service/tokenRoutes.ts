import Router from 'express-promise-router';
import {
  agentTokensCreatePermission,
  agentTokensReadPermission,
  agentTokensRevokePermission,
  createTokenRequestSchema,
  CreateTokenResponse,
} from '@kubedeck/plugin-agent-hub-common';
import { helmCommand, InstallOptions } from './manifests';
import {
  audited,
  authorizeUser,
  parseInput,
} from '@kubedeck/plugin-kubedeck-node';
import type { RouteContext } from './routeContext';
import { toRegistrationToken } from './TokenService';

/** Install options for a token, from the hub's config. */
export function installOptions(
  ctx: RouteContext,
  token: string,
  record: {
    clusterName: string;
    preset: string;
    rules: InstallOptions['rules'];
  },
): InstallOptions {
  const { grpc, install } = ctx.config;
  return {
    clusterName: record.clusterName,
    token,
    hubAddress: grpc.publicAddress,
    hubCa: grpc.security.insecure ? undefined : grpc.security.ca,
    insecure: grpc.security.insecure,
    rules: record.rules,
    preset: record.preset,
    image: install.image,
    namespace: install.namespace,
  };
}

/** `/v1/tokens`: one-time registration tokens (admins). */
export function tokenRoutes(ctx: RouteContext) {
  const router = Router();

  router.post('/v1/tokens', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      agentTokensCreatePermission,
    );
    const body = parseInput(
      createTokenRequestSchema,
      req.body,
      'token request',
    );
    const { token, record } = await audited(
      ctx,
      req,
      'agent-token-create',
      { clusterName: body.clusterName, preset: body.preset },
      () =>
        ctx.tokens.create({
          ...body,
          createdBy: credentials.principal.userEntityRef,
        }),
    );
    const options = installOptions(ctx, token, record);
    const manifestsUrl = `${
      ctx.config.baseUrl
    }/api/agent-hub/v1/manifests?token=${encodeURIComponent(token)}`;
    const response: CreateTokenResponse = {
      token,
      registration: toRegistrationToken(record),
      install: {
        helm: helmCommand({ ...options, chart: ctx.config.install.chart }),
        manifestsUrl,
        kubectl: `kubectl apply -f '${manifestsUrl}'`,
      },
    };
    res.status(201).json(response);
  });

  router.get('/v1/tokens', async (req, res) => {
    await authorizeUser(ctx, req, agentTokensReadPermission);
    res.json({ items: await ctx.tokens.list() });
  });

  router.delete('/v1/tokens/:id', async (req, res) => {
    await authorizeUser(ctx, req, agentTokensRevokePermission);
    await audited(
      ctx,
      req,
      'agent-token-revoke',
      { tokenId: req.params.id },
      () => ctx.tokens.revoke(req.params.id),
    );
    res.status(204).end();
  });

  return router;
}
