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
import type { PermissionDenialsService } from './permissionDenials';

/**
 * The calling user (401 for anyone else), once `permission` is granted to them; otherwise a
 * 403 whose message names the missing permission, announced through `denials` when given.
 *
 * @public
 */
export async function authorizeUser(
  deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    denials?: PermissionDenialsService;
  },
  req: Request,
  permission: BasicPermission,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await deps.httpAuth.credentials(req, { allow: ['user'] });
  const [decision] = await deps.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    deps.denials?.announce(credentials, permission);
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
  return credentials;
}
