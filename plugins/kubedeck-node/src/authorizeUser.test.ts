import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import type { Request } from 'express';
import { authorizeUser } from './authorizeUser';
import { EventsPermissionDenials } from './permissionDenials';

describe('authorizeUser', () => {
  const permission = createPermission({
    name: 'kubedeck.example.read',
    attributes: { action: 'read' },
  });
  const req = {
    headers: { authorization: mockCredentials.user.header() },
  } as unknown as Request;
  const httpAuth = mockServices.httpAuth();
  const allowing = mockServices.permissions({ result: AuthorizeResult.ALLOW });
  const denying = mockServices.permissions({ result: AuthorizeResult.DENY });

  it('returns the user when the permission is granted, announcing nothing', async () => {
    const denials = { announce: jest.fn() };
    const credentials = await authorizeUser(
      { httpAuth, permissions: allowing, denials },
      req,
      permission,
    );
    expect(credentials.principal.userEntityRef).toBe('user:default/mock');
    expect(denials.announce).not.toHaveBeenCalled();
  });

  it('refuses with a 403 naming the missing permission and announces the refusal', async () => {
    const denials = { announce: jest.fn() };
    const call = authorizeUser(
      { httpAuth, permissions: denying, denials },
      req,
      permission,
    );
    await expect(call).rejects.toThrow(NotAllowedError);
    await expect(call).rejects.toThrow(
      'Missing permission kubedeck.example.read',
    );
    expect(denials.announce).toHaveBeenCalledTimes(1);
    expect(denials.announce).toHaveBeenCalledWith(
      expect.objectContaining({
        principal: expect.objectContaining({
          userEntityRef: 'user:default/mock',
        }),
      }),
      permission,
    );
  });

  it('refuses all the same when the announcement fails', async () => {
    const logger = mockServices.logger.mock();
    const events = {
      publish: jest.fn().mockRejectedValue(new Error('bus down')),
      subscribe: jest.fn(),
    };
    const denials = new EventsPermissionDenials({ events, logger });

    await expect(
      authorizeUser({ httpAuth, permissions: denying, denials }, req, permission),
    ).rejects.toThrow('Missing permission kubedeck.example.read');
    await new Promise(resolve => setImmediate(resolve));

    expect(logger.warn).toHaveBeenCalledWith(
      'Could not announce the denial of kubedeck.example.read to user:default/mock: Error: bus down',
    );
  });
});
