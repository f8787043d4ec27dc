import { apiVersionOf, type ResourceDef, type ResourceRegistry } from './resources';

interface SubresourceInfo {
  kind: string;
  verbs: string[];
  group?: string;
  version?: string;
}

const SUBRESOURCES: Record<string, (def: ResourceDef) => SubresourceInfo> = {
  status: def => ({ kind: def.kind, verbs: ['get', 'patch', 'update'] }),
  scale: () => ({ kind: 'Scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1' }),
  log: () => ({ kind: 'Pod', verbs: ['get'] }),
  exec: () => ({ kind: 'PodExecOptions', verbs: ['create', 'get'] }),
  attach: () => ({ kind: 'PodAttachOptions', verbs: ['create', 'get'] }),
  portforward: () => ({ kind: 'PodPortForwardOptions', verbs: ['create', 'get'] }),
  binding: () => ({ kind: 'Binding', verbs: ['create'] }),
  eviction: () => ({ kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' }),
  ephemeralcontainers: () => ({ kind: 'Pod', verbs: ['get', 'patch', 'update'] }),
  token: () => ({ kind: 'TokenRequest', verbs: ['create'], group: 'authentication.k8s.io', version: 'v1' }),
  proxy: def => ({ kind: `${def.kind}ProxyOptions`, verbs: ['create', 'delete', 'get', 'patch', 'update'] }),
  finalize: def => ({ kind: def.kind, verbs: ['update'] }),
};

/** GET /version */
export function versionInfo(version: string) {
  const [major, minor] = version.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: version,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** GET /api */
export function coreVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** GET /apis */
export function groupList(registry: ResourceRegistry) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry
      .groupVersions()
      .filter(g => g.group !== '')
      .map(({ group: name, versions }) => ({
        name,
        versions: versions.map(v => ({ groupVersion: `${name}/${v}`, version: v })),
        preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
      })),
  };
}

/** GET /apis/{group} */
export function group(registry: ResourceRegistry, name: string) {
  const found = registry.groupVersions().find(g => g.group === name);
  if (!found) return undefined;
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name,
    versions: found.versions.map(v => ({ groupVersion: `${name}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${name}/${found.versions[0]}`, version: found.versions[0] },
  };
}

/** GET /api/v1 and /apis/{group}/{version}: resources with verbs, short names and categories. */
export function resourceList(registry: ResourceRegistry, groupName: string, version: string) {
  const defs = registry.forGroupVersion(groupName, version);
  if (defs.length === 0) return undefined;
  const resources: object[] = [];
  for (const def of [...defs].sort((a, b) => (a.resource < b.resource ? -1 : 1))) {
    resources.push({
      name: def.resource,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: def.verbs,
      ...(def.shortNames ? { shortNames: def.shortNames } : {}),
      ...(def.categories ? { categories: def.categories } : {}),
    });
    for (const sub of def.subresources) {
      const info = SUBRESOURCES[sub]?.(def);
      if (!info) continue;
      resources.push({
        name: `${def.resource}/${sub}`,
        singularName: '',
        namespaced: def.namespaced,
        ...(info.group !== undefined ? { group: info.group, version: info.version } : {}),
        kind: info.kind,
        verbs: info.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(defs[0]), resources };
}

/** Content type of aggregated discovery (apidiscovery.k8s.io/v2), which clients ask for first. */
export const AGGREGATED_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function wantsAggregatedDiscovery(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some(t => /g=apidiscovery\.k8s\.io/.test(t) && /v=v2(;|$)/.test(t) && /as=APIGroupDiscoveryList/.test(t));
}

/** GET /api or /apis as an APIGroupDiscoveryList: every group, version and resource in one answer. */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean) {
  const items = registry
    .groupVersions()
    .filter(g => (g.group === '') === core)
    .map(({ group: name, versions }) => ({
      metadata: { name, creationTimestamp: null },
      versions: versions.map(version => ({
        version,
        freshness: 'Current',
        resources: registry
          .forGroupVersion(name, version)
          .sort((a, b) => (a.resource < b.resource ? -1 : 1))
          .map(def => ({
            resource: def.resource,
            responseKind: { group: def.group, version: def.version, kind: def.kind },
            scope: def.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: def.singular,
            verbs: def.verbs,
            ...(def.shortNames ? { shortNames: def.shortNames } : {}),
            ...(def.categories ? { categories: def.categories } : {}),
            subresources: def.subresources.flatMap(sub => {
              const info = SUBRESOURCES[sub]?.(def);
              if (!info) return [];
              const responseKind = { group: info.group ?? def.group, version: info.version ?? def.version, kind: info.kind };
              return [{ subresource: sub, responseKind, verbs: info.verbs }];
            }),
          })),
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
