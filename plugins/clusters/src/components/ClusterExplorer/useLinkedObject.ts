import { useApi } from '@backstage/frontend-plugin-api';
import { KubeObject } from '@kubedeck/plugin-clusters-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef } from '../../api';
import { KindDefinition } from '../../lib/kinds';

/**
 * The object a link names with `?open=<name>` (a pinned object, say), fetched so the
 * explorer can show it; `close` drops the parameter.
 */
export function useLinkedObject(
  cluster: string,
  kind: KindDefinition,
  namespace: string,
) {
  const api = useApi(clustersApiRef);
  const [search, setSearch] = useSearchParams();
  const name = search.get('open');
  const { group, version, resource } = kind.type;
  const object = useAsync(async (): Promise<KubeObject | undefined> => {
    if (!name) return undefined;
    const found = await api.getObject({
      cluster,
      type: { group, version, resource },
      namespace: namespace || undefined,
      name,
    });
    return found.kind ? found : { ...found, kind: kind.kind };
  }, [api, cluster, group, version, resource, kind.kind, namespace, name]);
  return {
    object: name ? object.value : undefined,
    error: name ? object.error : undefined,
    close() {
      const next = new URLSearchParams(search);
      next.delete('open');
      setSearch(next, { replace: true });
    },
  };
}
