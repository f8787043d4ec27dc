import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { Route, Routes } from 'react-router-dom';
import { ClusterExplorer } from '../ClusterExplorer';
import { ClustersOverview } from '../ClustersOverview';
import { DiagnosesPage } from '../Diagnoses';
import { PodPage } from '../PodPage';

/** Everything under `/clusters`: overview, diagnoses, a cluster's explorer, a pod's page. */
export function ClustersPage() {
  return (
    <ReactRouterV6PageRouter>
      <Routes>
        <Route path="/" element={<ClustersOverview />} />
        <Route path="/diagnoses" element={<DiagnosesPage />} />
        <Route path="/:cluster" element={<ClusterExplorer />} />
        <Route
          path="/:cluster/namespaces/:namespace/pods/:pod"
          element={<PodPage />}
        />
      </Routes>
    </ReactRouterV6PageRouter>
  );
}
