import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ApiResourceInfo,
  ClusterInfo,
  ClusterDiagnosis,
  ClusterHealthSummary,
  KubeObject,
  KubeObjectList,
  MetricsResult,
  PodDetailsInfo,
} from '@kubedeck/plugin-clusters-common';
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

/**
 * Browses and operates Kubernetes clusters through the Kubedeck clusters backend.
 *
 * @public
 */
export interface ClustersApi {
  /** Every cluster the caller may see, with its last observed status. */
  listClusters(): Promise<ClusterInfo[]>;
  getCluster(cluster: string): Promise<ClusterInfo>;
  /** The kinds a cluster serves, CRDs included. */
  listResourceTypes(cluster: string): Promise<ApiResourceInfo[]>;

  /** One page of a list; pass `continue` back for the next one. */
  listObjects(ref: CollectionRef, query?: ListQuery): Promise<KubeObjectList>;
  getObject(ref: ObjectRef): Promise<KubeObject>;
  getObjectYaml(ref: ObjectRef): Promise<string>;
  /** Events about one object, oldest first. */
  listObjectEvents(ref: ObjectRef): Promise<KubeObject[]>;
  /**
   * Live changes of a collection. The stream resumes by itself after a network drop; when it
   * cannot resume exactly, the server sends the whole list again (`onReset`).
   */
  watch(ref: CollectionRef, handlers: WatchHandlers): Unsubscribe;

  getPodDetails(
    cluster: string,
    namespace: string,
    pod: string,
  ): Promise<PodDetailsInfo>;
  /** Pod metrics of a namespace (or the cluster), or why there are none. */
  getPodMetrics(cluster: string, namespace?: string): Promise<MetricsResult>;
  getNodeMetrics(cluster: string): Promise<MetricsResult>;
  /** Log lines as they come; resumes after the last line received after a network drop. */
  streamLogs(
    target: LogTarget,
    options: LogOptions,
    handlers: LogHandlers,
  ): Unsubscribe;

  deleteObject(ref: ObjectRef): Promise<void>;
  scaleObject(ref: ObjectRef, replicas: number): Promise<void>;
  /** Rollout restart of a Deployment, StatefulSet or DaemonSet. */
  restartObject(ref: ObjectRef): Promise<void>;

  /** Diagnoses the caller may see; open ones unless `state` says otherwise. */
  listDiagnoses(query?: DiagnosisQuery): Promise<ClusterDiagnosis[]>;
  /** Open diagnoses counted per cluster. */
  listHealth(): Promise<ClusterHealthSummary[]>;
}

/** @public */
export const clustersApiRef = createApiRef<ClustersApi>().with({
  id: 'plugin.clusters.api',
  pluginId: 'clusters',
});
