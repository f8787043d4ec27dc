import type { Request } from 'express';
import type {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import { z } from 'zod';
import type { AgentHubConfig } from '../config';
import type { AgentService } from './AgentService';
import type { TokenService } from './TokenService';

/** Everything the routes use. */
export type RouteContext = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  tokens: TokenService;
  agents: AgentService;
  config: AgentHubConfig;
};

/** The calling user, after checking the permission; 403 names the missing permission. */
export async function requirePermission(
  ctx: RouteContext,
  req: Request,
  permission: BasicPermission,
) {
  const credentials = await ctx.httpAuth.credentials(req, { allow: ['user'] });
  const [decision] = await ctx.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
  return credentials;
}

/** Runs a mutation inside an audit event; callers never pass secret values in `meta`. */
export async function audited<T>(
  ctx: RouteContext,
  req: Request,
  eventId: string,
  meta: JsonObject,
  action: () => Promise<T>,
): Promise<T> {
  const event = await ctx.auditor.createEvent({
    eventId,
    request: req,
    severityLevel: 'medium',
    meta,
  });
  try {
    const result = await action();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

/** Parses with zod, or throws an InputError (400) naming each field that is wrong. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues
    .map(issue => {
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
  throw new InputError(`Invalid ${what}: ${problems}`);
}
