import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import type { Request } from 'express';
import { authorizeUser } from './authorizeUser';

describe('authorizeUser', () => {
  const permission = createPermission({
    name: 'kubedeck.example.read',
    attributes: { action: 'read' },
  });
  const req = {
    headers: { authorization: mockCredentials.user.header() },
  } as unknown as Request;
  const httpAuth = mockServices.httpAuth();

  it('returns the user when the permission is granted', async () => {
    const permissions = mockServices.permissions({
      result: AuthorizeResult.ALLOW,
    });
    const credentials = await authorizeUser(
      { httpAuth, permissions },
      req,
      permission,
    );
    expect(credentials.principal.userEntityRef).toBe('user:default/mock');
  });

  it('refuses with a 403 naming the missing permission', async () => {
    const permissions = mockServices.permissions({
      result: AuthorizeResult.DENY,
    });
    const call = authorizeUser({ httpAuth, permissions }, req, permission);
    await expect(call).rejects.toThrow(NotAllowedError);
    await expect(
      authorizeUser({ httpAuth, permissions }, req, permission),
    ).rejects.toThrow('Missing permission kubedeck.example.read');
  });
});
