import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  AlertCategory,
  Frequency,
  Preference,
  PreferencesResponse,
} from '@kubedeck/plugin-notifications-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kubedeckNotificationsApiRef } from '../../api';

type Cell = Preference & { isDefault: boolean };

const sameCell = (a: Preference, category: string, channel: string) =>
  a.category === category && a.channel === channel;

/**
 * The signed-in user's preferences matrix. A change shows at once and is saved in the
 * background; when saving fails the cell goes back to what it was and `saveError` says why.
 */
export function usePreferences() {
  const api = useApi(kubedeckNotificationsApiRef);
  const loaded = useAsyncRetry(() => api.getPreferences(), [api]);
  const [cells, setCells] = useState<Cell[]>([]);
  const [saveError, setSaveError] = useState<Error>();
  const [saving, setSaving] = useState(0);

  useEffect(() => {
    if (loaded.value) {
      setCells(loaded.value.preferences);
    }
  }, [loaded.value]);

  const setCell = (category: string, channel: string, update: Partial<Cell>) =>
    setCells(current =>
      current.map(cell =>
        sameCell(cell, category, channel) ? { ...cell, ...update } : cell,
      ),
    );

  const change = useCallback(
    async (category: AlertCategory, channel: string, frequency: Frequency) => {
      const before = cells.find(cell => sameCell(cell, category, channel));
      if (!before || before.frequency === frequency) {
        return;
      }
      setSaveError(undefined);
      setCell(category, channel, { frequency, isDefault: false });
      setSaving(n => n + 1);
      try {
        await api.updatePreferences({
          preferences: [{ category, channel, frequency }],
        });
      } catch (error) {
        setCell(category, channel, {
          frequency: before.frequency,
          isDefault: before.isDefault,
        });
        setSaveError(error as Error);
      } finally {
        setSaving(n => n - 1);
      }
    },
    [api, cells],
  );

  return {
    loading: loaded.loading,
    loadError: loaded.error,
    reload: loaded.retry,
    channels: (loaded.value?.channels ?? []) as PreferencesResponse['channels'],
    cells,
    subscriptions: loaded.value?.subscriptions,
    change,
    saving: saving > 0,
    saveError,
  };
}
