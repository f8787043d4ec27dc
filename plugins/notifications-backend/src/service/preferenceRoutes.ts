import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import {
  ALERT_CATEGORIES,
  INBOX_CHANNEL,
  notificationPreferencesReadPermission,
  notificationPreferencesUpdatePermission,
  PreferencesResponse,
  Subscription,
  updatePreferencesRequestSchema,
} from '@kubedeck/plugin-notifications-common';
import type { ClusterRegistryService } from '@kubedeck/plugin-clusters-node';
import { PreferenceStore, preferenceKey } from '../database';
import { frequencyFor } from '../routing/plan';
import { ChannelService } from './ChannelService';
import {
  audited,
  authorizeUser,
  parseInput,
  RouteServices,
} from '@kubedeck/plugin-kubedeck-node';

export interface PreferenceRoutesOptions extends RouteServices {
  preferences: PreferenceStore;
  channels: ChannelService;
  clusters: Pick<ClusterRegistryService, 'listClusters'>;
}

/** The channels a user can choose per category: the inbox and enabled personal channels. */
async function personalChannels(channels: ChannelService) {
  const personal = (await channels.list()).filter(
    c => c.enabled && channels.isPersonal(c),
  );
  return [
    { id: INBOX_CHANNEL, name: 'Inbox', type: INBOX_CHANNEL },
    ...personal.map(c => ({ id: c.id, name: c.name, type: c.type })),
  ];
}

/**
 * Refuses a new subscription to a cluster the portal does not list. Subscriptions the user
 * already holds are kept, so a cluster that went away does not stop them saving.
 */
async function assertKnownClusters(
  clusters: PreferenceRoutesOptions['clusters'],
  wanted: Subscription[],
  held: Subscription[],
) {
  const heldClusters = new Set(held.map(s => s.cluster));
  const added = wanted.filter(s => s.cluster && !heldClusters.has(s.cluster));
  if (added.length === 0) return;
  const known = new Set((await clusters.listClusters()).map(c => c.name));
  const unknown = added.find(s => !known.has(s.cluster!));
  if (unknown) {
    throw new InputError(
      `Invalid subscriptions: cluster '${unknown.cluster}' is not a cluster this portal knows`,
    );
  }
}

/** The caller's own preferences and subscriptions. */
export function preferenceRoutes(o: PreferenceRoutesOptions) {
  const router = Router();

  router.get('/preferences', async (req, res) => {
    const { principal } = await authorizeUser(
      o,
      req,
      notificationPreferencesReadPermission,
    );
    const user = principal.userEntityRef;
    const channels = await personalChannels(o.channels);
    const chosen = (await o.preferences.getPreferencesFor([user])).get(user);
    const body: PreferencesResponse = {
      preferences: ALERT_CATEGORIES.flatMap(category =>
        channels.map(channel => ({
          category,
          channel: channel.id,
          frequency: frequencyFor(chosen, category, channel.id),
          isDefault: !chosen?.has(preferenceKey(category, channel.id)),
        })),
      ),
      channels,
      subscriptions: await o.preferences.getSubscriptions(user),
    };
    res.json(body);
  });

  router.put('/preferences', async (req, res) => {
    const { principal } = await authorizeUser(
      o,
      req,
      notificationPreferencesUpdatePermission,
    );
    const body = parseInput(
      updatePreferencesRequestSchema,
      req.body,
      'preferences',
    );
    const known = new Set((await personalChannels(o.channels)).map(c => c.id));
    const unknown = body.preferences.find(p => !known.has(p.channel));
    if (unknown) {
      throw new InputError(
        `Invalid preferences: channel '${unknown.channel}' is not a channel you can receive through`,
      );
    }
    const user = principal.userEntityRef;
    if (body.subscriptions) {
      await assertKnownClusters(
        o.clusters,
        body.subscriptions,
        await o.preferences.getSubscriptions(user),
      );
    }
    const meta = {
      preferences: body.preferences.map(
        p => `${p.category}|${p.channel}=${p.frequency}`,
      ),
      subscriptions: body.subscriptions?.length ?? null,
    };
    await audited(o, req, 'preferences-update', meta, async () => {
      await o.preferences.setPreferences(user, body.preferences);
      if (body.subscriptions) {
        await o.preferences.setSubscriptions(user, body.subscriptions);
      }
    });
    res.status(204).end();
  });

  return router;
}
