import { InputError } from '@backstage/errors';
import { ClusterClient } from '@kubedeck/plugin-clusters-node';

const WORKLOAD_PATHS: Record<string, string> = {
  deployments: '/apis/apps/v1',
  statefulsets: '/apis/apps/v1',
  daemonsets: '/apis/apps/v1',
  jobs: '/apis/batch/v1',
};

/** Workload kinds (plural, as in paths) whose pods' logs can be merged. */
export const WORKLOAD_KINDS = Object.keys(WORKLOAD_PATHS);

type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};

/** Turns a structured label selector into the string form list calls take. */
export function selectorToString(selector: LabelSelector | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(
    ([k, v]) => `${k}=${v}`,
  );
  for (const { key, operator, values = [] } of selector?.matchExpressions ??
    []) {
    if (operator === 'In') parts.push(`${key} in (${values.join(',')})`);
    else if (operator === 'NotIn')
      parts.push(`${key} notin (${values.join(',')})`);
    else if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
  }
  return parts.join(',');
}

/** The label selector of a workload's pods. */
export async function workloadSelector(
  client: ClusterClient,
  namespace: string,
  kind: string,
  name: string,
): Promise<string> {
  const base = WORKLOAD_PATHS[kind];
  const workload = await client.requestJson({
    path: `${base}/namespaces/${encodeURIComponent(
      namespace,
    )}/${kind}/${encodeURIComponent(name)}`,
  });
  const selector = selectorToString(workload.spec?.selector);
  if (!selector) {
    throw new InputError(`${kind}/${name} has no pod selector`);
  }
  return selector;
}

/** A pod container whose log is read. */
export type PodContainer = { pod: string; uid: string; container: string };

/** The containers of the pods a selector matches right now. */
export async function selectedContainers(
  client: ClusterClient,
  namespace: string,
  labelSelector: string,
  container?: string,
): Promise<PodContainer[]> {
  const list = await client.requestJson({
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
    query: { labelSelector },
  });
  return (list.items ?? []).flatMap((pod: any) =>
    (pod.spec?.containers ?? [])
      .filter((c: any) => !container || c.name === container)
      .map((c: any) => ({
        pod: pod.metadata.name,
        uid: pod.metadata.uid,
        container: c.name,
      })),
  );
}

/** Picks the container of a single-pod log request, as kubectl does. */
export function defaultContainer(pod: any, requested?: string): string {
  const names: string[] = [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ].map((c: any) => c.name);
  if (requested) {
    if (!names.includes(requested)) {
      throw new InputError(
        `Container ${requested} is not in pod ${
          pod.metadata?.name
        }; it has ${names.join(', ')}`,
      );
    }
    return requested;
  }
  const annotated =
    pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) {
    return annotated;
  }
  const regular = (pod.spec?.containers ?? []).map((c: any) => c.name);
  if (regular.length === 1) {
    return regular[0];
  }
  throw new InputError(
    `Pod ${
      pod.metadata?.name
    } has several containers; choose one of ${regular.join(
      ', ',
    )} with ?container=`,
  );
}
