import type { ApiResourceInfo } from '@kubedeck/plugin-clusters-common';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterAccessService,
  ClusterClient,
} from '@kubedeck/plugin-clusters-node';

/** One kind of object a cluster serves, as listed at `GET /clusters/{c}/resources`. */
export type ApiResource = ApiResourceInfo;

type RawResource = {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
  shortNames?: string[];
};

const DISCOVERY_TTL_MS = 60_000;

/** Path of a group/version: `/api/v1` for core, `/apis/{group}/{version}` otherwise. */
export function groupVersionPath(group: string, version: string): string {
  return group === 'core' || group === ''
    ? `/api/${version}`
    : `/apis/${group}/${version}`;
}

async function groupVersionResources(
  client: ClusterClient,
  group: string,
  version: string,
  preferred: boolean,
): Promise<ApiResource[]> {
  const list = await client.requestJson<{ resources?: RawResource[] }>({
    path: groupVersionPath(group, version),
  });
  return (list.resources ?? [])
    .filter(r => !r.name.includes('/'))
    .map(r => ({
      group,
      version,
      resource: r.name,
      kind: r.kind,
      namespaced: r.namespaced,
      verbs: r.verbs ?? [],
      shortNames: r.shortNames,
      preferred,
    }));
}

async function discover(client: ClusterClient): Promise<ApiResource[]> {
  const apis = await client.requestJson<{
    groups?: {
      name: string;
      versions: { version: string }[];
      preferredVersion?: { version: string };
    }[];
  }>({ path: '/apis' });
  const jobs = [groupVersionResources(client, 'core', 'v1', true)];
  for (const group of apis.groups ?? []) {
    for (const { version } of group.versions) {
      const preferred = group.preferredVersion?.version === version;
      jobs.push(
        groupVersionResources(client, group.name, version, preferred).catch(
          () => [],
        ),
      );
    }
  }
  return (await Promise.all(jobs)).flat();
}

/**
 * What each cluster serves (CRDs included), from API discovery with the plugin's credentials,
 * cached for a minute.
 */
export class ResourceDiscovery {
  readonly #cache = new Map<
    string,
    { at: number; list: Promise<ApiResource[]> }
  >();

  constructor(private readonly access: ClusterAccessService) {}

  async list(cluster: string): Promise<ApiResource[]> {
    const cached = this.#cache.get(cluster);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) {
      return cached.list;
    }
    const list = this.access
      .forPlugin({ cluster })
      .then(client => discover(client));
    this.#cache.set(cluster, { at: Date.now(), list });
    list.catch(() => this.#cache.delete(cluster));
    return list;
  }

  /** Looks up one resource; NotFoundError when the cluster does not serve it. */
  async resolve(
    cluster: string,
    group: string,
    version: string,
    resource: string,
  ): Promise<ApiResource> {
    const normalizedGroup = group === '' ? 'core' : group;
    const found = (await this.list(cluster)).find(
      r =>
        r.group === normalizedGroup &&
        r.version === version &&
        r.resource === resource,
    );
    if (!found) {
      throw new NotFoundError(
        `The cluster does not serve ${resource} in ${normalizedGroup}/${version}`,
      );
    }
    return found;
  }

  /** The preferred resource for a kind, such as `Deployment`. */
  async byKind(cluster: string, group: string, kind: string) {
    const all = await this.list(cluster);
    return (
      all.find(r => r.group === group && r.kind === kind && r.preferred) ??
      all.find(r => r.group === group && r.kind === kind)
    );
  }
}
