import { KubeObject, LogLineEvent } from '@kubedeck/plugin-clusters-common';

/**
 * A kind of object, addressed as in API paths: `core` is the legacy group.
 *
 * @public
 */
export type ResourceType = {
  group: string;
  version: string;
  /** Plural resource name, such as `deployments`. */
  resource: string;
};

/**
 * A collection of objects in one cluster, optionally one namespace.
 *
 * @public
 */
export type CollectionRef = {
  cluster: string;
  type: ResourceType;
  namespace?: string;
};

/**
 * One object in a cluster.
 *
 * @public
 */
export type ObjectRef = CollectionRef & { name: string };

/**
 * Query of a list call.
 *
 * @public
 */
export type ListQuery = {
  labelSelector?: string;
  fieldSelector?: string;
  /** Text search: a part of the name, namespace or (events) message or reason. */
  search?: string;
  limit?: number;
  continue?: string;
  /**
   * `cache` serves the page from the backend's shared informer (the one live views watch),
   * in namespace/name order; `cluster` (the default) asks the API server.
   */
  source?: 'cluster' | 'cache';
};

/**
 * State of a live stream, for the UI to show honestly.
 *
 * @public
 */
export type StreamState =
  | { state: 'connecting' }
  | { state: 'open' }
  | { state: 'reconnecting'; attempt: number; error?: string }
  | { state: 'ended' }
  | { state: 'failed'; error: string };

/**
 * Callbacks of a watch: `onReset` replaces the whole list, `onChange` applies one change.
 *
 * @public
 */
export type WatchHandlers = {
  onReset(items: KubeObject[]): void;
  onChange(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): void;
  onState?(state: StreamState): void;
};

/**
 * Whose logs to stream: one pod, or every pod of a workload merged in time order.
 *
 * @public
 */
export type LogTarget =
  | { cluster: string; namespace: string; pod: string }
  | {
      cluster: string;
      namespace: string;
      workload: {
        kind: 'deployments' | 'statefulsets' | 'daemonsets' | 'jobs';
        name: string;
      };
    };

/**
 * Options of a log stream.
 *
 * @public
 */
export type LogOptions = {
  container?: string;
  follow?: boolean;
  previous?: boolean;
  timestamps?: boolean;
  tailLines?: number;
  /** Server-side regular expression. */
  grep?: string;
};

/**
 * Callbacks of a log stream. `id` is the line's position; streams resume after it by
 * themselves after a network drop.
 *
 * @public
 */
export type LogHandlers = {
  onLine(line: LogLineEvent, id: string | undefined): void;
  onState?(state: StreamState): void;
};

/**
 * Query of `GET /diagnoses`.
 *
 * @public
 */
export type DiagnosisQuery = {
  cluster?: string;
  namespace?: string;
  /** Open only (the default), resolved only, or both. */
  state?: 'open' | 'resolved' | 'all';
};

/**
 * Stops a stream.
 *
 * @public
 */
export type Unsubscribe = () => void;
