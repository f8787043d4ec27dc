import type {
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
import type { Request } from 'express';

/**
 * The calling user (401 for anyone else), once `permission` is granted to them; otherwise a
 * 403 whose message names the missing permission.
 *
 * @public
 */
export async function authorizeUser(
  deps: { httpAuth: HttpAuthService; permissions: PermissionsService },
  req: Request,
  permission: BasicPermission,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await deps.httpAuth.credentials(req, { allow: ['user'] });
  const [decision] = await deps.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
  return credentials;
}
