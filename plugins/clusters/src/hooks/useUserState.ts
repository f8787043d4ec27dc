import { storageApiRef, useApi } from '@backstage/frontend-plugin-api';
import { JsonValue } from '@backstage/types';
import { useCallback, useEffect, useMemo, useState } from 'react';

const BUCKET = 'kubedeck.clusters';

/**
 * A per-user UI setting (last cluster, namespace, hidden columns...) kept through Backstage's
 * storage API, which the user-settings backend persists across browsers.
 */
export function useUserState<T extends JsonValue>(
  key: string,
  fallback: T,
): [T, (value: T) => void] {
  const storageApi = useApi(storageApiRef);
  const storage = useMemo(() => storageApi.forBucket(BUCKET), [storageApi]);
  const [value, setValue] = useState<T>(
    () => (storage.snapshot<T>(key).value as T | undefined) ?? fallback,
  );

  useEffect(() => {
    const subscription = storage.observe$<T>(key).subscribe(snapshot => {
      setValue((snapshot.value as T | undefined) ?? fallback);
    });
    return () => subscription.unsubscribe();
    // fallback is a default for a missing value, not a dependency
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storage, key]);

  const update = useCallback(
    (next: T) => {
      setValue(next);
      storage.set(key, next).catch(() => {});
    },
    [storage, key],
  );
  return [value, update];
}
