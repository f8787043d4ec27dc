export { clustersApiRef } from './ClustersApi';
export type { ClustersApi } from './ClustersApi';
export { ClustersClient } from './ClustersClient';
export type * from './types';
