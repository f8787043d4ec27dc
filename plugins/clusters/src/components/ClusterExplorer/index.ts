export { ClusterExplorer } from './ClusterExplorer';
