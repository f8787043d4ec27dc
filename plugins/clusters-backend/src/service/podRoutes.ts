import {
  clusterResourceReadPermission,
  clusterSecretReadPermission,
} from '@kubedeck/plugin-clusters-common';
import type { OwnerLinkInfo } from '@kubedeck/plugin-clusters-common';
import { ClusterClient } from '@kubedeck/plugin-clusters-node';
import { Router } from 'express';
import { podDetails, referencedSecrets } from './podDetails';
import { objectPath, RequestContexts } from './RequestContext';

const MAX_OWNER_DEPTH = 5;

async function ownerChain(
  client: ClusterClient,
  contexts: RequestContexts,
  namespace: string,
  start: any,
): Promise<OwnerLinkInfo[]> {
  const chain: OwnerLinkInfo[] = [];
  let current = start;
  for (let depth = 0; depth < MAX_OWNER_DEPTH; depth++) {
    const owner =
      (current.metadata?.ownerReferences ?? []).find(
        (o: any) => o.controller,
      ) ?? current.metadata?.ownerReferences?.[0];
    if (!owner) {
      break;
    }
    chain.push({
      kind: owner.kind,
      name: owner.name,
      apiVersion: owner.apiVersion,
      uid: owner.uid,
    });
    const [group, version] = owner.apiVersion.includes('/')
      ? owner.apiVersion.split('/')
      : ['core', owner.apiVersion];
    const api = await contexts.discovery.byKind(client.name, group, owner.kind);
    if (!api) {
      break;
    }
    try {
      current = await client.requestJson({
        path: objectPath(
          { ...api, version },
          api.namespaced ? namespace : undefined,
          owner.name,
        ),
      });
    } catch {
      break;
    }
  }
  return chain;
}

async function secretReader(
  client: ClusterClient,
  namespace: string,
  pod: any,
) {
  const allowed = await client.permissions!.isAllowed(
    clusterSecretReadPermission,
    {
      cluster: client.name,
      namespace,
      kind: 'Secret',
    },
  );
  const secrets = new Map<string, Record<string, string>>();
  if (allowed) {
    for (const name of referencedSecrets(pod)) {
      try {
        const secret = await client.requestJson({
          path: `/api/v1/namespaces/${encodeURIComponent(
            namespace,
          )}/secrets/${encodeURIComponent(name)}`,
        });
        secrets.set(name, secret.data ?? {});
      } catch {
        // unreadable secrets stay masked
      }
    }
  }
  return (name: string, key: string) => {
    const value = secrets.get(name)?.[key];
    return value === undefined
      ? undefined
      : Buffer.from(value, 'base64').toString('utf8');
  };
}

/** `GET /clusters/{c}/namespaces/{ns}/pods/{pod}/details`. */
export function addPodRoutes(router: Router, contexts: RequestContexts) {
  router.get(
    '/clusters/:cluster/namespaces/:namespace/pods/:pod/details',
    async (req, res) => {
      const client = await contexts.client(req);
      const { namespace, pod: name } = req.params;
      await client.assertNamespaceVisible(namespace);
      await client.permissions!.assert(clusterResourceReadPermission, {
        cluster: client.name,
        namespace,
        kind: 'Pod',
      });
      const pod = await client.requestJson({
        path: objectPath(
          { group: 'core', version: 'v1', resource: 'pods' },
          namespace,
          name,
        ),
      });
      const [chain, secretValue] = await Promise.all([
        ownerChain(client, contexts, namespace, pod),
        secretReader(client, namespace, pod),
      ]);
      res.json(podDetails(pod, chain, secretValue));
    },
  );
}
