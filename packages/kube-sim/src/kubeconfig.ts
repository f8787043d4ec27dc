import { stringify } from 'yaml';
import type { ScenarioUser } from './scenario/types';

/** A kubeconfig with one cluster, one user (bearer token) and one current context. */
export function renderKubeconfig(options: { url: string; clusterName: string; user: ScenarioUser; namespace?: string; caCertificate?: string }): string {
  const { url, clusterName, user, caCertificate } = options;
  const cluster = caCertificate ? { server: url, 'certificate-authority-data': Buffer.from(caCertificate).toString('base64') } : { server: url };
  const context = `${user.name}@${clusterName}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: clusterName, cluster }],
    users: [{ name: user.name, user: { token: user.token } }],
    contexts: [{ name: context, context: { cluster: clusterName, user: user.name, namespace: options.namespace ?? 'default' } }],
    'current-context': context,
    preferences: {},
  });
}
