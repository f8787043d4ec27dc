import type { ClusterInfo } from '@kubedeck/agent-proto';
import type { KubeTarget } from './kube';

type List = { items?: { metadata?: { name?: string } }[] };

async function names(target: KubeTarget, path: string): Promise<string[]> {
  const { status, body } = await target.json<List>('GET', path);
  if (status !== 200) {
    return [];
  }
  return (body.items ?? []).map(i => i.metadata?.name ?? '').filter(Boolean);
}

/** What the agent tells the hub about its cluster; parts it may not read stay empty. */
export async function collectClusterInfo(
  target: KubeTarget,
  agentVersion: string,
): Promise<ClusterInfo> {
  const [version, nodes, namespaces, crds] = await Promise.all([
    target.json<{ gitVersion?: string }>('GET', '/version'),
    names(target, '/api/v1/nodes'),
    names(target, '/api/v1/namespaces'),
    names(target, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions'),
  ]);
  return {
    kubernetesVersion: version.body.gitVersion ?? '',
    nodeCount: nodes.length,
    namespaces,
    crds,
    agentVersion,
  };
}
