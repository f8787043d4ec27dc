export { ClustersOverview } from './ClustersOverview';
