import {
  Content,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ClusterInfo, KubeObject } from '@kubedeck/plugin-clusters-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef } from '../../api';
import { objectStatus } from '../../lib/objectStatus';
import { podRouteRef } from '../../routes';
import { DiagnosisList } from '../Diagnoses';
import { StatusChip } from '../StatusChip';
import { columnsOf } from '../ClusterExplorer/columns';
import { entityWorkloadSelector } from './entityWorkloadSelector';
import { useClusterWorkloads } from './useClusterWorkloads';

/** The kind's own "Ready" column, as the explorer shows it. */
function readyOf(object: KubeObject) {
  return (
    columnsOf(object.kind ?? '', false)
      .find(c => c.id === 'ready')
      ?.render(object) ?? ''
  );
}

function ClusterSection(props: {
  cluster: ClusterInfo;
  labelSelector: string;
  namespace?: string;
}) {
  const { cluster, labelSelector, namespace } = props;
  const podLink = useRouteRef(podRouteRef);
  const state = useClusterWorkloads(cluster.name, labelSelector, namespace);
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (state.workloads.length === 0 && state.pods.length === 0) return null;
  return (
    <InfoCard
      title={cluster.title}
      subheader={`${state.workloads.length} workloads, ${state.pods.length} pods`}
      noPadding
    >
      <Table size="small" aria-label={`Workloads in ${cluster.name}`}>
        <TableHead>
          <TableRow>
            <TableCell>Kind</TableCell>
            <TableCell>Name</TableCell>
            <TableCell>Namespace</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Ready</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...state.workloads, ...state.pods].map(o => {
            const status = objectStatus(o);
            const to =
              o.kind === 'Pod' && podLink
                ? podLink({
                    cluster: cluster.name,
                    namespace: o.metadata.namespace ?? '',
                    pod: o.metadata.name,
                  })
                : undefined;
            return (
              <TableRow
                key={`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`}
              >
                <TableCell>{o.kind}</TableCell>
                <TableCell>
                  {to ? (
                    <Link to={to}>{o.metadata.name}</Link>
                  ) : (
                    o.metadata.name
                  )}
                </TableCell>
                <TableCell>{o.metadata.namespace}</TableCell>
                <TableCell>
                  {status && <StatusChip status={status} />}
                </TableCell>
                <TableCell>{readyOf(o)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {state.diagnoses && state.diagnoses.length > 0 && (
        <Box p={2}>
          <Typography variant="h6">Diagnoses</Typography>
          <DiagnosisList diagnoses={state.diagnoses} showCluster={false} />
        </Box>
      )}
    </InfoCard>
  );
}

/** The entity tab: the entity's workloads in every reachable cluster, live, with diagnoses. */
export function EntityWorkloadsContent() {
  const { entity } = useEntity();
  const api = useApi(clustersApiRef);
  const clusters = useAsync(() => api.listClusters(), [api]);
  const selector = entityWorkloadSelector(entity);
  if (!selector) {
    return (
      <Content>
        <WarningPanel title="No Kubernetes objects named">
          Annotate the entity with backstage.io/kubernetes-id or
          backstage.io/kubernetes-label-selector.
        </WarningPanel>
      </Content>
    );
  }
  return (
    <Content>
      <Typography variant="body2" color="textSecondary" paragraph>
        Objects matching <code>{selector.labelSelector}</code>
        {selector.namespace ? ` in namespace ${selector.namespace}` : ''} in
        every cluster.
      </Typography>
      {clusters.loading && <Progress />}
      {clusters.error && <ResponseErrorPanel error={clusters.error} />}
      <Box display="flex" flexDirection="column" gridGap={16}>
        {(clusters.value ?? []).map(c =>
          c.status.reachable ? (
            <ClusterSection
              key={c.name}
              cluster={c}
              labelSelector={selector.labelSelector}
              namespace={selector.namespace}
            />
          ) : (
            <WarningPanel
              key={c.name}
              title={`${c.title} is unreachable`}
              message={c.status.lastError}
            />
          ),
        )}
      </Box>
    </Content>
  );
}
