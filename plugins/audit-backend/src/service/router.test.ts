import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AuditStore } from '@kubedeck/plugin-audit-node';
import express from 'express';
import request from 'supertest';
import { createRouter } from './router';

describe('createRouter', () => {
  const auditLog: jest.Mocked<AuditStore> = {
    append: jest.fn(),
    list: jest.fn(),
    verify: jest.fn(),
  };

  async function createApp(
    result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  ) {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async requests => requests.map(() => ({ result }))),
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions,
      auditLog,
    });
    return {
      app: express().use(router).use(mockErrorHandler()),
      permissions,
    };
  }

  beforeEach(() => {
    jest.resetAllMocks();
    auditLog.list.mockResolvedValue({ items: [], nextCursor: '41' });
    auditLog.verify.mockResolvedValue({ ok: true, checked: 7 });
  });

  it('lists events with validated filters for a permitted user', async () => {
    const { app, permissions } = await createApp(AuthorizeResult.ALLOW);

    const response = await request(app).get(
      '/events?actor=user:default/alice&plugin=kubedeck-clusters&target=pods&outcome=failed' +
        '&from=2026-11-01T00:00:00Z&to=2026-11-26T12:00:00.000%2B01:00&limit=50&cursor=42',
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], nextCursor: '41' });
    expect(auditLog.list).toHaveBeenCalledWith({
      actor: 'user:default/alice',
      plugin: 'kubedeck-clusters',
      target: 'pods',
      outcome: 'failed',
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-26T11:00:00Z'),
      limit: 50,
      beforeSequence: 42,
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'kubedeck.audit.read' }),
        },
      ],
      { credentials: mockCredentials.user() },
    );
  });

  it('uses a page of 100 by default', async () => {
    const { app } = await createApp(AuthorizeResult.ALLOW);

    await request(app).get('/events').expect(200);

    expect(auditLog.list).toHaveBeenCalledWith({ limit: 100 });
  });

  it('returns the verification result', async () => {
    const { app } = await createApp(AuthorizeResult.ALLOW);

    const response = await request(app).get('/verify');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, checked: 7 });
  });

  it.each(['/events', '/verify'])(
    'answers 403 naming kubedeck.audit.read on %s without the permission',
    async path => {
      const { app } = await createApp(AuthorizeResult.DENY);

      const response = await request(app).get(path);

      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('kubedeck.audit.read'),
      });
      expect(auditLog.list).not.toHaveBeenCalled();
      expect(auditLog.verify).not.toHaveBeenCalled();
    },
  );

  it('refuses service callers: the audit trail is read by users', async () => {
    const { app, permissions } = await createApp(AuthorizeResult.ALLOW);

    const response = await request(app)
      .get('/events')
      .set('authorization', mockCredentials.service.header());

    expect(response.status).toBe(403);
    expect(permissions.authorize).not.toHaveBeenCalled();
    expect(auditLog.list).not.toHaveBeenCalled();
  });

  it.each([
    ['limit=501', 'limit: '],
    ['limit=0', 'limit: '],
    ['outcome=deleted', 'outcome: '],
    ['from=yesterday', 'from: '],
    ['cursor=abc', 'cursor: must be the nextCursor of a previous page'],
    ['colour=red', 'colour'],
    [
      'from=2026-11-26T00:00:00Z&to=2026-11-01T00:00:00Z',
      `'from' is later than 'to'`,
    ],
  ])('answers 400 for %s', async (query, problem) => {
    const { app } = await createApp(AuthorizeResult.ALLOW);

    const response = await request(app).get(`/events?${query}`);

    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toContain('Invalid audit query');
    expect(response.body.error.message).toContain(problem);
  });
});
