import { loadScenario, startKubeSim } from '@kubedeck/kube-sim';
import {
  fixedClusterRegistry,
  openClusterAccess,
} from '@kubedeck/plugin-clusters-node/testUtils';
import { KubeConfig } from '@kubernetes/client-node';

/** kube-sim's demo cluster (no simulation) as cluster `sim`, behind the clusters access service. */
export async function startSimCluster() {
  const sim = await startKubeSim({
    scenario: await loadScenario('demo'),
    port: 0,
    simulation: false,
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(sim.kubeconfig());
  const registry = fixedClusterRegistry([
    { name: 'sim', connectionType: 'direct', kubeConfig },
  ]);
  const access = openClusterAccess(registry);
  const admin = await access.forPlugin({ cluster: 'sim' });
  return {
    sim,
    registry,
    access,
    /** Sends a request to the cluster as its admin and returns the JSON answer. */
    kube: <T = any>(
      path: string,
      method: 'POST' | 'PUT' | 'DELETE',
      body?: unknown,
    ) => admin.requestJson<T>({ path, method, body }),
    close: () => sim.close(),
  };
}
