import { parseEntityRef } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';

/** The object an event is about. */
export type EventSubject = {
  cluster: string;
  namespace?: string;
  kind: string;
  name: string;
};

/**
 * Groups repeats of one problem of one object: `cluster/namespace/kind/name/problem`, with
 * `-` for cluster-scoped objects (no namespace can be named `-`).
 */
export function fingerprintOf(subject: EventSubject, problem: string): string {
  const { cluster, namespace, kind, name } = subject;
  return [cluster, namespace || '-', kind, name, problem].join('/');
}

/**
 * An event id derived from what happened, so the same occurrence published twice (a retry,
 * or two backend instances seeing one watch event) is recognised by the router as one.
 */
export function eventIdOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** Builds links to the portal's pages from `app.baseUrl`. */
export class PortalLinks {
  readonly #base: string;

  constructor(appBaseUrl: string) {
    this.#base = appBaseUrl.replace(/\/+$/, '');
  }

  /** The object's page: a pod's own page, the cluster page for anything else. */
  objectPage(subject: EventSubject): string {
    const cluster = `${this.#base}/clusters/${encodeURIComponent(
      subject.cluster,
    )}`;
    if (subject.kind === 'Pod' && subject.namespace) {
      return `${cluster}/namespaces/${encodeURIComponent(
        subject.namespace,
      )}/pods/${encodeURIComponent(subject.name)}`;
    }
    return cluster;
  }

  /** An entity's catalog page, such as a user's. */
  entityPage(entityRef: string): string {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `${this.#base}/catalog/${[
      namespace,
      kind.toLocaleLowerCase('en-US'),
      name,
    ]
      .map(encodeURIComponent)
      .join('/')}`;
  }
}
