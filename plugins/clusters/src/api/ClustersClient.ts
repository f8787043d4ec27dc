import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ApiResourceInfo,
  ClusterInfo,
  ClusterDiagnosis,
  ClusterHealthSummary,
  KubeObject,
  KubeObjectList,
  LogLineEvent,
  MetricsResult,
  PodDetailsInfo,
  WatchChangeData,
  WatchResetData,
} from '@kubedeck/plugin-clusters-common';
import { ClustersApi } from './ClustersApi';
import { openEventStream } from './eventStream';
import {
  CollectionRef,
  DiagnosisQuery,
  ListQuery,
  LogHandlers,
  LogOptions,
  LogTarget,
  ObjectRef,
  Unsubscribe,
  WatchHandlers,
} from './types';

const enc = encodeURIComponent;

/** `/clusters/{c}[/namespaces/{ns}]/{group}/{version}/{resource}[/{name}]` */
export function objectPath(ref: CollectionRef & { name?: string }): string {
  const ns = ref.namespace ? `/namespaces/${enc(ref.namespace)}` : '';
  const { group, version, resource } = ref.type;
  const name = ref.name ? `/${enc(ref.name)}` : '';
  return `/clusters/${enc(ref.cluster)}${ns}/${enc(group || 'core')}/${enc(
    version,
  )}/${enc(resource)}${name}`;
}

function queryString(
  query: Record<string, string | number | boolean | undefined>,
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && value !== false) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function logsPath(target: LogTarget): string {
  const base = `/clusters/${enc(target.cluster)}/namespaces/${enc(
    target.namespace,
  )}`;
  if ('pod' in target) {
    return `${base}/pods/${enc(target.pod)}/logs`;
  }
  return `${base}/${target.workload.kind}/${enc(target.workload.name)}/logs`;
}

/**
 * {@link ClustersApi} over the `clusters` backend plugin (`/api/clusters/v1`).
 *
 * @public
 */
export class ClustersClient implements ClustersApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly retryMs?: number;

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    /** First reconnect delay of streams (default: what the server asks for). */
    retryMs?: number;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.retryMs = options.retryMs;
  }

  async listClusters(): Promise<ClusterInfo[]> {
    return (await this.json<{ items: ClusterInfo[] }>('/clusters')).items;
  }

  getCluster(cluster: string): Promise<ClusterInfo> {
    return this.json(`/clusters/${enc(cluster)}`);
  }

  async listResourceTypes(cluster: string): Promise<ApiResourceInfo[]> {
    const path = `/clusters/${enc(cluster)}/resources`;
    return (await this.json<{ items: ApiResourceInfo[] }>(path)).items;
  }

  listObjects(
    ref: CollectionRef,
    query: ListQuery = {},
  ): Promise<KubeObjectList> {
    const { group, resource } = ref.type;
    if (ref.namespace && resource === 'events' && group === 'core') {
      // `/clusters/{c}/namespaces/{ns}/core/v1/events` is taken by the backend's
      // object-events route (`/clusters/{c}/{group}/{version}/{resource}/{name}/events`),
      // so a namespace's events are listed cluster-wide with a field selector instead.
      const fieldSelector = [
        `metadata.namespace=${ref.namespace}`,
        query.fieldSelector,
      ]
        .filter(Boolean)
        .join(',');
      const all = { ...ref, namespace: undefined };
      return this.json(
        `${objectPath(all)}${queryString({ ...query, fieldSelector })}`,
      );
    }
    return this.json(`${objectPath(ref)}${queryString(query)}`);
  }

  getObject(ref: ObjectRef): Promise<KubeObject> {
    return this.json(objectPath(ref));
  }

  async getObjectYaml(ref: ObjectRef): Promise<string> {
    const response = await this.request(`${objectPath(ref)}?format=yaml`);
    return response.text();
  }

  async listObjectEvents(ref: ObjectRef): Promise<KubeObject[]> {
    const path = `${objectPath(ref)}/events`;
    return (await this.json<{ items: KubeObject[] }>(path)).items;
  }

  watch(ref: CollectionRef, handlers: WatchHandlers): Unsubscribe {
    const { group, version, resource } = ref.type;
    const gvr =
      group && group !== 'core'
        ? `${group}/${version}/${resource}`
        : `${version}/${resource}`;
    const path = `/clusters/${enc(ref.cluster)}/watch${queryString({
      resource: gvr,
      namespace: ref.namespace,
    })}`;
    return openEventStream({
      fetchApi: this.fetchApi,
      url: () => this.url(path),
      retryMs: this.retryMs,
      onState: handlers.onState,
      onMessage: message => {
        if (message.event === 'reset') {
          handlers.onReset((JSON.parse(message.data) as WatchResetData).items);
        } else if (message.event === 'message') {
          const change = JSON.parse(message.data) as WatchChangeData;
          handlers.onChange(change.type, change.object);
        }
      },
    });
  }

  getPodDetails(
    cluster: string,
    namespace: string,
    pod: string,
  ): Promise<PodDetailsInfo> {
    return this.json(
      `/clusters/${enc(cluster)}/namespaces/${enc(namespace)}/pods/${enc(
        pod,
      )}/details`,
    );
  }

  getPodMetrics(cluster: string, namespace?: string): Promise<MetricsResult> {
    const ns = namespace ? `/namespaces/${enc(namespace)}` : '';
    return this.json(`/clusters/${enc(cluster)}${ns}/metrics/pods`);
  }

  getNodeMetrics(cluster: string): Promise<MetricsResult> {
    return this.json(`/clusters/${enc(cluster)}/metrics/nodes`);
  }

  streamLogs(
    target: LogTarget,
    options: LogOptions,
    handlers: LogHandlers,
  ): Unsubscribe {
    const path = `${logsPath(target)}${queryString({ ...options })}`;
    return openEventStream({
      fetchApi: this.fetchApi,
      url: () => this.url(path),
      retryMs: this.retryMs,
      onState: handlers.onState,
      onMessage: message => {
        if (message.event === 'end') {
          return 'end';
        }
        if (message.event === 'error') {
          return { error: String(JSON.parse(message.data).message) };
        }
        if (message.event === 'message') {
          handlers.onLine(JSON.parse(message.data) as LogLineEvent, message.id);
        }
        return undefined;
      },
    });
  }

  async deleteObject(ref: ObjectRef): Promise<void> {
    await this.request(objectPath(ref), { method: 'DELETE' });
  }

  async scaleObject(ref: ObjectRef, replicas: number): Promise<void> {
    await this.request(`${objectPath(ref)}/scale`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ replicas }),
    });
  }

  async restartObject(ref: ObjectRef): Promise<void> {
    await this.request(`${objectPath(ref)}/restart`, { method: 'POST' });
  }

  async listDiagnoses(query: DiagnosisQuery = {}): Promise<ClusterDiagnosis[]> {
    const path = `/diagnoses${queryString({ ...query })}`;
    return (await this.json<{ items: ClusterDiagnosis[] }>(path)).items;
  }

  async listHealth(): Promise<ClusterHealthSummary[]> {
    return (await this.json<{ items: ClusterHealthSummary[] }>('/health'))
      .items;
  }

  private async url(path: string): Promise<string> {
    return `${await this.discoveryApi.getBaseUrl('clusters')}/v1${path}`;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const response = await this.fetchApi.fetch(await this.url(path), init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async json<T>(path: string): Promise<T> {
    return (await (await this.request(path)).json()) as T;
  }
}
