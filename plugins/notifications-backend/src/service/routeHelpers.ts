import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

export interface RouteContext {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/** The calling user, or a 401; then a 403 unless the permission is granted. */
export async function authorizeUser(
  ctx: RouteContext,
  req: Request,
  permission: BasicPermission,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await ctx.httpAuth.credentials(req, { allow: ['user'] });
  const [decision] = await ctx.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
  return credentials;
}

/**
 * Runs a mutation inside an audit event. Only the metadata given here is recorded: callers
 * never pass secret values.
 */
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
