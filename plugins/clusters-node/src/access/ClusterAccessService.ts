import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { clustersReadPermission } from '@kubedeck/plugin-clusters-common';
import {
  PermissionDenialsService,
  permissionDenialsServiceRef,
} from '@kubedeck/plugin-kubedeck-node';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterDefinition } from '../cluster';
import { ClusterClient } from './ClusterClient';
import {
  clusterRegistryServiceRef,
  ClusterRegistryService,
} from './ClusterRegistry';
import {
  ImpersonatingKubeConfig,
  ImpersonationIdentity,
} from './impersonation';
import { NamespaceGate } from './NamespaceGate';
import { ClusterPermissionChecker } from './permissions';

/**
 * The one way Kubedeck plugins reach a cluster (DESIGN.md §2).
 *
 * @public
 */
export interface ClusterAccessService {
  /** Clusters the caller may see; requires `kubedeck.clusters.read`. */
  listClusters(options: {
    credentials: BackstageCredentials;
  }): Promise<ClusterDefinition[]>;
  /**
   * A client bound to the caller. Requires `kubedeck.clusters.read`; 404 for an unknown
   * cluster. Object-level permissions are checked through `client.permissions`.
   */
  forCaller(options: {
    credentials: BackstageCredentials;
    cluster: string;
  }): Promise<ClusterClient>;
  /** A client with the plugin's own cluster credentials, for background work only. */
  forPlugin(options: { cluster: string }): Promise<ClusterClient>;
}

/**
 * Default {@link ClusterAccessService} over the {@link ClusterRegistryService}.
 *
 * @public
 */
export class DefaultClusterAccessService implements ClusterAccessService {
  readonly #gates = new Map<
    string,
    { base: KubeConfig; gate: NamespaceGate }
  >();

  constructor(
    private readonly registry: ClusterRegistryService,
    private readonly permissions: PermissionsService,
    private readonly userInfo: UserInfoService,
    private readonly denials?: PermissionDenialsService,
  ) {}

  async listClusters(options: { credentials: BackstageCredentials }) {
    const checker = this.#checker(options.credentials);
    await checker.assertBasic(clustersReadPermission);
    return this.registry.listClusters();
  }

  async forCaller(options: {
    credentials: BackstageCredentials;
    cluster: string;
  }): Promise<ClusterClient> {
    const checker = this.#checker(options.credentials);
    await checker.assertBasic(clustersReadPermission);
    const definition = await this.#definition(options.cluster);
    const identity = await this.#identity(definition, options.credentials);
    const kubeConfig = identity
      ? new ImpersonatingKubeConfig(definition.kubeConfig, identity)
      : definition.kubeConfig;
    return this.#client(definition, kubeConfig, checker, identity);
  }

  async forPlugin(options: { cluster: string }): Promise<ClusterClient> {
    const definition = await this.#definition(options.cluster);
    return this.#client(definition, definition.kubeConfig, undefined);
  }

  #checker(credentials: BackstageCredentials): ClusterPermissionChecker {
    return new ClusterPermissionChecker(
      this.permissions,
      credentials,
      this.denials,
    );
  }

  async #definition(name: string): Promise<ClusterDefinition> {
    const definition = await this.registry.getCluster(name);
    if (!definition) {
      throw new NotFoundError(`Cluster ${name} not found`);
    }
    return definition;
  }

  async #identity(
    definition: ClusterDefinition,
    credentials: BackstageCredentials,
  ): Promise<ImpersonationIdentity | undefined> {
    const principal = credentials.principal as { type?: string };
    if (!definition.impersonateUsers || principal.type !== 'user') {
      return undefined;
    }
    const info = await this.userInfo.getUserInfo(credentials);
    return {
      user: info.userEntityRef,
      groups: info.ownershipEntityRefs.filter(
        ref => ref !== info.userEntityRef,
      ),
    };
  }

  #client(
    definition: ClusterDefinition,
    kubeConfig: KubeConfig,
    checker: ClusterPermissionChecker | undefined,
    identity?: ImpersonationIdentity,
  ): ClusterClient {
    const { kubeConfig: base, ...cluster } = definition;
    let entry = this.#gates.get(definition.name);
    if (!entry || entry.base !== base) {
      entry = {
        base,
        gate: new NamespaceGate(base, definition.namespaceFilters),
      };
      this.#gates.set(definition.name, entry);
    }
    return new ClusterClient(
      cluster,
      kubeConfig,
      entry.gate,
      checker,
      identity,
    );
  }
}

/**
 * The cluster access service; see {@link ClusterAccessService}.
 *
 * @public
 */
export const clusterAccessServiceRef = createServiceRef<ClusterAccessService>({
  id: 'kubedeck.clusters.access',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        registry: clusterRegistryServiceRef,
        permissions: coreServices.permissions,
        userInfo: coreServices.userInfo,
        denials: permissionDenialsServiceRef,
      },
      factory: ({ registry, permissions, userInfo, denials }) =>
        new DefaultClusterAccessService(
          registry,
          permissions,
          userInfo,
          denials,
        ),
    }),
});
