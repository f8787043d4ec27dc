import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { auditReadPermission } from '@kubedeck/plugin-audit-common';
import { AuditStore } from '@kubedeck/plugin-audit-node';
import {
  authorizeUser,
  PermissionDenialsService,
} from '@kubedeck/plugin-kubedeck-node';
import express from 'express';
import Router from 'express-promise-router';
import { parseListQuery } from './parseListQuery';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditLog: AuditStore;
  denials?: PermissionDenialsService;
}): Promise<express.Router> {
  const { auditLog } = options;
  const router = Router();

  router.get('/events', async (req, res) => {
    await authorizeUser(options, req, auditReadPermission);
    res.json(await auditLog.list(parseListQuery(req.query)));
  });

  router.get('/verify', async (req, res) => {
    await authorizeUser(options, req, auditReadPermission);
    res.json(await auditLog.verify());
  });

  return router;
}
