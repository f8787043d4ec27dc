import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Subscription } from '@kubedeck/plugin-notifications-common';
import { kubedeckNotificationsApiRef } from '../../api';

const sameSubscription = (a: Subscription, b: Subscription) =>
  (a.cluster ?? '') === (b.cluster ?? '') &&
  (a.namespace ?? '') === (b.namespace ?? '') &&
  (a.category ?? '') === (b.category ?? '');

/**
 * The signed-in user's subscriptions, saved whole on every change. A change shows at once;
 * when saving fails the list goes back to what it was and `saveError` says why.
 */
export function useSubscriptions(loaded: Subscription[] | undefined) {
  const api = useApi(kubedeckNotificationsApiRef);
  const [subscriptions, setSubscriptions] = useState<Subscription[]>([]);
  const [saveError, setSaveError] = useState<Error>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (loaded) setSubscriptions(loaded);
  }, [loaded]);

  const save = useCallback(
    async (next: Subscription[]) => {
      const before = subscriptions;
      setSaveError(undefined);
      setSubscriptions(next);
      setSaving(true);
      try {
        await api.updatePreferences({ preferences: [], subscriptions: next });
      } catch (error) {
        setSubscriptions(before);
        setSaveError(error as Error);
      } finally {
        setSaving(false);
      }
    },
    [api, subscriptions],
  );

  return {
    subscriptions,
    saving,
    saveError,
    /** Adds a subscription unless the same one exists; returns whether it was added. */
    add: async (subscription: Subscription) => {
      if (subscriptions.some(s => sameSubscription(s, subscription))) {
        return false;
      }
      await save([...subscriptions, subscription]);
      return true;
    },
    remove: (subscription: Subscription) =>
      save(subscriptions.filter(s => !sameSubscription(s, subscription))),
  };
}
