/**
 * The seam between kube-sim's API layer (HTTP routes, discovery, RBAC, Table output) and its
 * simulation (controllers, scheduler, kubelet, logs, exec, metrics). Both sides use only this.
 */

/** A Kubernetes object as stored: always has apiVersion, kind and metadata. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
    blockOwnerDeletion?: boolean;
  }>;
  generateName?: string;
  [key: string]: unknown;
}

/** Identifies a resource type: group ('' for core), version and plural resource name. */
export interface ResourceKey {
  group: string;
  version: string;
  resource: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Resume after this version; a compacted version makes `watch` throw a GoneError (410). */
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
}

export interface Watch {
  stop(): void;
}

/** Thrown with HTTP semantics; the API layer turns these into Status objects. */
export class StoreError extends Error {
  constructor(
    readonly code: 404 | 409 | 410 | 422 | 400,
    readonly reason: 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Expired' | 'Invalid' | 'BadRequest',
    message: string,
    /** List metadata of the Status, such as the continue token of an expired list. */
    readonly listMeta?: { continue?: string },
  ) {
    super(message);
  }
}

/**
 * The in-memory object store. Every write bumps one cluster-wide, monotonic resourceVersion,
 * fills uid/creationTimestamp/generation on create, bumps generation on spec changes, and
 * notifies watchers synchronously in write order.
 */
export interface ObjectStore {
  get(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined;
  list(key: ResourceKey, options?: ListOptions): ListResult;
  /** Creates; honours metadata.generateName; throws 409 AlreadyExists. */
  create(key: ResourceKey, object: KubeObject): KubeObject;
  /**
   * Replaces; if object.metadata.resourceVersion is set and stale, throws 409 Conflict.
   * `subresource: 'status'` changes only .status; otherwise .status is kept from the stored copy
   * for kinds with a status subresource.
   */
  update(key: ResourceKey, object: KubeObject, options?: { subresource?: 'status' }): KubeObject;
  /**
   * Deletes honouring finalizers (sets deletionTimestamp and keeps the object until they are
   * gone) and ownerReference cascading (propagationPolicy Background | Foreground | Orphan).
   */
  delete(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    options?: {
      propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
      preconditionUid?: string;
      /** Delete gracefully: keep the object, marked with deletionTimestamp, for this long (pods). */
      gracePeriodSeconds?: number;
    },
  ): KubeObject;
  watch(key: ResourceKey, options: WatchOptions, onEvent: (event: WatchEvent) => void): Watch;
  /** Current cluster-wide resourceVersion. */
  currentResourceVersion(): string;
}
