import type { KubeConfig } from '@kubernetes/client-node';
import { NotFoundError } from '@backstage/errors';
import type { ClusterDefinition } from '../cluster';
import { readKubeJson } from './kubeErrors';
import { KubeRequest, KubeResponse, sendKubeRequest } from './kubeRequest';
import type { ImpersonationIdentity } from './impersonation';
import type { NamespaceGate } from './NamespaceGate';
import type { ClusterPermissionChecker } from './permissions';

/**
 * A client for one cluster, bound to one caller: requests carry the caller's impersonation
 * headers when the cluster is configured for it, and `permissions` checks the caller's
 * Kubedeck permissions. Use `kubeConfig` with `@kubernetes/client-node` (Watch, Log, Exec,
 * PortForward, generated API clients) or `request` for raw calls.
 *
 * @public
 */
export class ClusterClient {
  constructor(
    readonly cluster: Omit<ClusterDefinition, 'kubeConfig'>,
    readonly kubeConfig: KubeConfig,
    readonly namespaces: NamespaceGate,
    /** Undefined for the plugin's own client (background work, no caller). */
    readonly permissions: ClusterPermissionChecker | undefined,
    /** Whom requests impersonate, when the cluster is configured for it. */
    readonly impersonation?: ImpersonationIdentity,
  ) {}

  get name(): string {
    return this.cluster.name;
  }

  /** Sends a request; any HTTP status resolves. */
  request(req: KubeRequest): Promise<KubeResponse> {
    return sendKubeRequest(this.kubeConfig, req);
  }

  /** Sends a request and parses JSON, throwing `@backstage/errors` errors for failures. */
  async requestJson<T = any>(req: KubeRequest): Promise<T> {
    return readKubeJson<T>(await this.request(req));
  }

  /**
   * Throws NotFoundError when the namespace is hidden by the cluster's configured filters, so a
   * filtered namespace looks exactly like a missing one.
   */
  async assertNamespaceVisible(namespace: string): Promise<void> {
    if (!(await this.namespaces.allows(namespace))) {
      throw new NotFoundError(`namespaces "${namespace}" not found`);
    }
  }
}
