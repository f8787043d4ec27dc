import { StoreError, type KubeObject, type ResourceKey } from './store/types';
import type { ApiServices } from './api/context';
import { applyDefaults } from './api/defaults';
import { CRD_KEY } from './api/resources';

const NAMESPACES: ResourceKey = { group: '', version: 'v1', resource: 'namespaces' };
const SERVICE_ACCOUNTS: ResourceKey = { group: '', version: 'v1', resource: 'serviceaccounts' };
const SECRETS: ResourceKey = { group: '', version: 'v1', resource: 'secrets' };
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';

function createIgnoringExisting(services: ApiServices, key: ResourceKey, object: KubeObject): void {
  try {
    services.store.create(key, object);
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 409)) throw error;
  }
}

/** Creates the scenario's objects in order, then the system namespaces it did not declare. */
export function loadScenarioObjects(services: ApiServices, objects: KubeObject[]): void {
  for (const object of objects) {
    const def = services.registry.byKind(object.apiVersion, object.kind);
    if (!def) throw new Error(`scenario object ${object.apiVersion}/${object.kind} "${object.metadata?.name}" has a kind kube-sim does not serve`);
    let prepared = object;
    if (def.resource !== 'pods') {
      prepared = structuredClone(object);
      applyDefaults(def, prepared);
    }
    createIgnoringExisting(services, def, prepared);
  }
  for (const name of SYSTEM_NAMESPACES) {
    if (services.store.get(NAMESPACES, undefined, name)) continue;
    const namespace: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    applyDefaults(services.registry.find('', 'v1', 'namespaces')!, namespace);
    services.store.create(NAMESPACES, namespace);
  }
}

function markEstablished(services: ApiServices, crd: KubeObject): void {
  const status = (crd.status ?? {}) as { conditions?: Array<{ type: string }> };
  if (crd.metadata.deletionTimestamp || status.conditions?.some(c => c.type === 'Established')) return;
  const now = services.store.timestamp();
  const condition = (type: string, reason: string, message: string) => ({ type, status: 'True', lastTransitionTime: now, reason, message });
  services.store.update(CRD_KEY, {
    ...crd,
    status: {
      conditions: [
        condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
        condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
      ],
      acceptedNames: (crd.spec as { names?: object }).names ?? {},
      storedVersions: ((crd.spec as { versions?: Array<{ name: string; storage?: boolean }> }).versions ?? []).filter(v => v.storage).map(v => v.name),
    },
  }, { subresource: 'status' });
}

/** A deleted CRD takes its custom resources with it, in every served version. */
function deleteCustomResources(services: ApiServices, crd: KubeObject): void {
  const spec = crd.spec as { group?: string; names?: { plural?: string } } | undefined;
  if (!spec?.group || !spec.names?.plural) return;
  const key: ResourceKey = { group: spec.group, version: '', resource: spec.names.plural };
  for (const object of services.store.list(key).items) {
    services.store.remove(key, object);
  }
}

/**
 * What the control plane keeps up to date beside the simulation: served custom resources follow
 * the CRDs, new namespaces get a default ServiceAccount, and service-account token Secrets get a
 * token. Returns a function that stops it.
 */
export function watchClusterState(services: ApiServices): () => void {
  const { store, registry } = services;
  const crdWatch = store.watch(CRD_KEY, {}, event => {
    registry.setCrds(store.list(CRD_KEY).items);
    if (event.type === 'ADDED') markEstablished(services, event.object);
    if (event.type === 'DELETED') deleteCustomResources(services, event.object);
  });
  const namespaceWatch = store.watch(NAMESPACES, { resourceVersion: store.currentResourceVersion() }, event => {
    if (event.type !== 'ADDED' || store.get(SERVICE_ACCOUNTS, event.object.metadata.name, 'default')) return;
    createIgnoringExisting(services, SERVICE_ACCOUNTS, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: event.object.metadata.name },
    });
  });
  const secretWatch = store.watch(SECRETS, {}, event => {
    const secret = event.object;
    if (event.type === 'DELETED' || secret.type !== SA_TOKEN_TYPE || (secret.data as Record<string, string> | undefined)?.token) return;
    const accountName = secret.metadata.annotations?.['kubernetes.io/service-account.name'];
    const account = accountName ? store.get(SERVICE_ACCOUNTS, secret.metadata.namespace, accountName) : undefined;
    if (!account) return;
    const token = services.authn.serviceAccountTokens.mint({ namespace: account.metadata.namespace!, name: account.metadata.name, uid: account.metadata.uid! });
    const data = {
      ...((secret.data as Record<string, string> | undefined) ?? {}),
      token: Buffer.from(token).toString('base64'),
      namespace: Buffer.from(account.metadata.namespace!).toString('base64'),
    };
    const annotations = { ...secret.metadata.annotations, 'kubernetes.io/service-account.uid': account.metadata.uid! };
    store.update(SECRETS, { ...secret, metadata: { ...secret.metadata, annotations }, data });
  });
  return () => {
    crdWatch.stop();
    namespaceWatch.stop();
    secretWatch.stop();
  };
}
