import Router from 'express-promise-router';
import {
  createChannelRequestSchema,
  notificationChannelsManagePermission,
  updateChannelRequestSchema,
} from '@kubedeck/plugin-notifications-common';
import { DeliveryWorker } from '../delivery/DeliveryWorker';
import { ChannelRecord, DeliveryDraft, KnexDeliveryStore } from '../database';
import { ChannelService } from './ChannelService';
import {
  audited,
  authorizeUser,
  parseInput,
  RouteServices,
} from '@kubedeck/plugin-kubedeck-node';
import { randomUUID } from 'node:crypto';

/** A test message through one channel, addressed to the admin who asked for it. */
function testMessageDraft(
  channel: ChannelRecord,
  userRef: string,
): DeliveryDraft {
  const title = `Test message for channel ${channel.name}`;
  return {
    idempotencyKey: `test/${channel.id}/${randomUUID()}`,
    kind: 'test',
    category: 'alerts.info',
    severity: 'info',
    title,
    recipient: userRef,
    channel: channel.id,
    channelType: channel.type,
    payload: {
      kind: 'test',
      title,
      description: `Sent by ${userRef} from Kubedeck.`,
      severity: 'info',
      category: 'alerts.info',
      count: 1,
      resolved: false,
    },
  };
}

export interface ChannelRoutesOptions extends RouteServices {
  channels: ChannelService;
  deliveries: KnexDeliveryStore;
  worker: DeliveryWorker;
}

/** Admin routes: channels CRUD, enable/disable and test messages. */
export function channelRoutes(o: ChannelRoutesOptions) {
  const router = Router();
  const manage = notificationChannelsManagePermission;

  router.get('/channel-types', async (req, res) => {
    await authorizeUser(o, req, manage);
    res.json({ items: o.channels.channelTypes() });
  });

  router.get('/channels', async (req, res) => {
    await authorizeUser(o, req, manage);
    res.json({
      items: (await o.channels.list()).map(c => o.channels.toApi(c)),
    });
  });

  router.get('/channels/:id', async (req, res) => {
    await authorizeUser(o, req, manage);
    res.json(o.channels.toApi(await o.channels.get(req.params.id)));
  });

  router.post('/channels', async (req, res) => {
    const { principal } = await authorizeUser(o, req, manage);
    const body = parseInput(createChannelRequestSchema, req.body, 'channel');
    const meta = {
      name: body.name,
      type: body.type,
      secretFields: Object.keys(body.secrets),
    };
    const created = await audited(o, req, 'channel-create', meta, () =>
      o.channels.create(body, principal.userEntityRef),
    );
    res.status(201).json(o.channels.toApi(created));
  });

  router.put('/channels/:id', async (req, res) => {
    await authorizeUser(o, req, manage);
    const body = parseInput(
      updateChannelRequestSchema,
      req.body,
      'channel update',
    );
    const meta = {
      channelId: req.params.id,
      changed: Object.keys(body),
      secretFields: Object.keys(body.secrets ?? {}),
    };
    const updated = await audited(o, req, 'channel-update', meta, () =>
      o.channels.update(req.params.id, body),
    );
    res.json(o.channels.toApi(updated));
  });

  for (const [action, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    router.post(`/channels/:id/${action}`, async (req, res) => {
      await authorizeUser(o, req, manage);
      const updated = await audited(
        o,
        req,
        `channel-${action}`,
        { channelId: req.params.id },
        () => o.channels.update(req.params.id, { enabled }),
      );
      res.json(o.channels.toApi(updated));
    });
  }

  router.delete('/channels/:id', async (req, res) => {
    await authorizeUser(o, req, manage);
    await audited(o, req, 'channel-delete', { channelId: req.params.id }, () =>
      o.channels.delete(req.params.id),
    );
    res.status(204).end();
  });

  router.post('/channels/:id/test', async (req, res) => {
    const { principal } = await authorizeUser(o, req, manage);
    const channel = await o.channels.get(req.params.id);
    const delivery = await audited(
      o,
      req,
      'channel-test',
      { channelId: channel.id },
      async () => {
        const draft = testMessageDraft(channel, principal.userEntityRef);
        await o.deliveries.enqueue([draft], Date.now());
        await o.worker.runOnce();
        return (await o.deliveries.getByKey(draft.idempotencyKey))!;
      },
    );
    res.json({
      status: delivery.status,
      attempts: delivery.attempts,
      error: delivery.lastError,
    });
  });

  return router;
}
