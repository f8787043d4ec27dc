import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { auditReadPermission } from '@kubedeck/plugin-audit-common';
import { AuditStore } from '@kubedeck/plugin-audit-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { parseListQuery } from './parseListQuery';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditLog: AuditStore;
}): Promise<express.Router> {
  const { httpAuth, permissions, auditLog } = options;
  const router = Router();

  async function requireAuditRead(req: Request) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: auditReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission '${auditReadPermission.name}' to read the audit trail`,
      );
    }
  }

  router.get('/events', async (req, res) => {
    await requireAuditRead(req);
    res.json(await auditLog.list(parseListQuery(req.query)));
  });

  router.get('/verify', async (req, res) => {
    await requireAuditRead(req);
    res.json(await auditLog.verify());
  });

  return router;
}
