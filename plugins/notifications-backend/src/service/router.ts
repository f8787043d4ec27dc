import Router from 'express-promise-router';
import express from 'express';
import {
  deliveriesQuerySchema,
  notificationDeliveriesReadPermission,
} from '@kubedeck/plugin-notifications-common';
import { ChannelRoutesOptions, channelRoutes } from './channelRoutes';
import { PreferenceRoutesOptions, preferenceRoutes } from './preferenceRoutes';
import { authorizeUser, parseInput } from '@kubedeck/plugin-kubedeck-node';

export type RouterOptions = ChannelRoutesOptions & PreferenceRoutesOptions;

/** The plugin's HTTP API under `/api/kubedeck-notifications`. */
export function createRouter(options: RouterOptions): express.Router {
  const router = Router();
  router.use(express.json({ limit: '256kb' }));
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.use(channelRoutes(options));
  router.use(preferenceRoutes(options));

  router.get('/deliveries', async (req, res) => {
    await authorizeUser(options, req, notificationDeliveriesReadPermission);
    const query = parseInput(
      deliveriesQuerySchema,
      req.query,
      'delivery query',
    );
    const { items, totalCount } = await options.deliveries.list(query);
    res.json({
      items: items.map(
        ({ payload, idempotencyKey, nextAttemptAt, ...delivery }) => delivery,
      ),
      totalCount,
    });
  });
  return router;
}
