import type { KubeObject, ObjectStore } from '../store/types';
import { ApiError, badRequest, notFound } from '../api/status';
import { R } from '../sim/resources';
import type { ContainerSpec } from '../sim/kubelet/config';

/** The pod of a subresource request, or a 404 like the real API server's. */
export function findPod(store: ObjectStore, namespace: string, name: string): KubeObject {
  const pod = store.get(R.pods, namespace, name);
  if (!pod) throw notFound(`pods "${name}" not found`, { name, kind: 'pods' });
  return pod;
}

/**
 * The container a pod subresource request addresses: the `container` parameter, or the only
 * container; otherwise a 400 listing the choices as the real API server does.
 */
export function pickContainer(pod: KubeObject, requested: string | null): ContainerSpec {
  const spec = pod.spec as { containers: ContainerSpec[]; initContainers?: ContainerSpec[]; ephemeralContainers?: ContainerSpec[] };
  const all = [...spec.containers, ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
  if (requested) {
    const found = all.find(c => c.name === requested);
    if (!found) throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    return found;
  }
  if (spec.containers.length === 1) return spec.containers[0];
  const names = spec.containers.map(c => c.name).join(' ');
  const init = spec.initContainers?.length ? ` or one of the init containers: [${spec.initContainers.map(c => c.name).join(' ')}]` : '';
  throw badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names}]${init}`);
}

/** Exec, attach and port-forward need the container to run, as the kubelet does. */
export function containerNotFound(container: string): ApiError {
  return new ApiError(404, 'NotFound', `container not found ("${container}")`);
}
