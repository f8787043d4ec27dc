/**
 * Feeds Kubedeck clusters to Backstage's Kubernetes backend.
 *
 * @packageDocumentation
 */

export { kubernetesModuleKubedeckClusters as default } from './module';
export { stripImpersonationHeaders } from './stripImpersonationHeaders';
