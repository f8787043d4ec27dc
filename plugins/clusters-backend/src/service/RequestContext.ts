import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';

import {
  ClusterAccessService,
  ClusterClient,
  ClusterResource,
  ClusterResourcePermission,
} from '@kubedeck/plugin-clusters-node';
import { Request } from 'express';
import { z } from 'zod';
import {
  ApiResource,
  groupVersionPath,
  ResourceDiscovery,
} from './ResourceDiscovery';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';
import { kubeName } from './validation';

/** A resolved `/clusters/{c}[/namespaces/{ns}]/{group}/{version}/{resource}[/{name}]`. */
export type ResourceContext = {
  client: ClusterClient;
  api: ApiResource;
  namespace?: string;
  name?: string;
  /** What permission rules see. */
  target: ClusterResource;
  /** Collection path, or object path when a name is given. */
  path: string;
  /** Throws 403 naming the permission unless the caller holds it for this object. */
  assert(permission: ClusterResourcePermission): Promise<void>;
};

const resourceParams = z.object({
  cluster: z.string().min(1),
  namespace: kubeName.optional(),
  group: z.string().regex(/^[a-z0-9.-]+$/, 'not a valid API group'),
  version: z.string().regex(/^v[0-9a-z]+$/, 'not a valid API version'),
  resource: z.string().regex(/^[a-z0-9.-]+$/, 'not a valid resource name'),
  name: z.string().min(1).optional(),
});

/** Path of a collection or object of a resource. */
export function objectPath(
  api: Pick<ApiResource, 'group' | 'version' | 'resource'>,
  namespace?: string,
  name?: string,
): string {
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const obj = name ? `/${encodeURIComponent(name)}` : '';
  return `${groupVersionPath(api.group, api.version)}${ns}/${
    api.resource
  }${obj}`;
}

/** Resolves the caller, the cluster client and the addressed resource of a request. */
export class RequestContexts {
  constructor(
    private readonly httpAuth: HttpAuthService,
    private readonly access: ClusterAccessService,
    readonly discovery: ResourceDiscovery,
  ) {}

  /**
   * The caller's client. `stream` routes (logs, watch) also accept the user cookie, since a
   * browser's EventSource cannot send an Authorization header.
   */
  async client(
    req: Request<any>,
    options?: { stream?: boolean },
  ): Promise<ClusterClient> {
    const credentials = await this.httpAuth.credentials(req, {
      allow: ['user'],
      allowLimitedAccess: options?.stream,
    });
    return this.access.forCaller({ credentials, cluster: req.params.cluster });
  }

  /** Resolves and checks the namespace (404 when filtered out or not served). */
  async resource(req: Request<any>): Promise<ResourceContext> {
    const params = parseInput(resourceParams, req.params, 'path');
    const client = await this.client(req);
    const api = await this.discovery.resolve(
      client.name,
      params.group,
      params.version,
      params.resource,
    );
    if (params.name && api.namespaced && !params.namespace) {
      throw new InputError(
        `${api.resource} are namespaced: use /namespaces/{namespace}/...`,
      );
    }
    if (params.namespace) {
      if (!api.namespaced) {
        throw new NotFoundError(`${api.resource} are not namespaced`);
      }
      await client.assertNamespaceVisible(params.namespace);
    } else if (api.kind === 'Namespace' && params.name) {
      await client.assertNamespaceVisible(params.name);
    }
    const targetNamespace =
      api.kind === 'Namespace' ? params.name : params.namespace;
    const target: ClusterResource = {
      cluster: client.name,
      kind: api.kind,
      ...(targetNamespace ? { namespace: targetNamespace } : {}),
    };
    return {
      client,
      api,
      namespace: params.namespace,
      name: params.name,
      target,
      path: objectPath(api, params.namespace, params.name),
      assert: permission => client.permissions!.assert(permission, target),
    };
  }
}
