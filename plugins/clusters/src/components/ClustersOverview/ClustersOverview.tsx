import {
  Content,
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { ClusterInfo } from '@kubedeck/plugin-clusters-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { clustersApiRef } from '../../api';
import {
  addClusterRouteRef,
  clusterRouteRef,
  diagnosesRouteRef,
} from '../../routes';
import { useUserState } from '../../hooks/useUserState';
import { HealthSummary } from '../Diagnoses';
import { PinnedList } from '../Pinned';
import { StatusChip } from '../StatusChip';

const REFRESH_MS = 15_000;

function ReachabilityCell(props: { cluster: ClusterInfo }) {
  const { status } = props.cluster;
  if (status.reachable) {
    return <StatusChip status={{ text: 'Connected', tone: 'ok' }} />;
  }
  return (
    <>
      <StatusChip status={{ text: 'Unreachable', tone: 'error' }} />
      <Typography variant="body2" color="error" style={{ marginTop: 4 }}>
        {status.lastError ?? 'The cluster did not answer'}
      </Typography>
    </>
  );
}

/** Every cluster with its status, connection, version, size and health; a row opens it. */
export function ClustersOverview() {
  const api = useApi(clustersApiRef);
  const clusterLink = useRouteRef(clusterRouteRef);
  const diagnosesLink = useRouteRef(diagnosesRouteRef);
  const addClusterLink = useRouteRef(addClusterRouteRef);
  const navigate = useNavigate();
  const clusters = useAsyncRetry(() => api.listClusters(), [api]);
  const health = useAsyncRetry(() => api.listHealth(), [api]);
  const [lastCluster] = useUserState<string>('lastCluster', '');
  const last = clusters.value?.find(c => c.name === lastCluster);
  useInterval(() => {
    clusters.retry();
    health.retry();
  }, REFRESH_MS);

  const healthOf = (cluster: ClusterInfo) =>
    health.value?.find(h => h.cluster === cluster.name);

  return (
    <Content>
      <ContentHeader title="All clusters">
        {last && clusterLink && (
          <Button
            color="primary"
            style={{ marginRight: 8 }}
            onClick={() => navigate(clusterLink({ cluster: last.name }))}
          >
            Back to {last.title}
          </Button>
        )}
        {diagnosesLink && (
          <Button variant="outlined" onClick={() => navigate(diagnosesLink())}>
            All diagnoses
          </Button>
        )}
        {addClusterLink && (
          <Button
            variant="contained"
            color="primary"
            style={{ marginLeft: 8 }}
            component={RouterLink}
            // The Agents page opens its Add cluster dialog for `?add=cluster`.
            to={`${addClusterLink()}?add=cluster`}
          >
            Add cluster
          </Button>
        )}
      </ContentHeader>
      {clusters.loading && !clusters.value && <Progress />}
      {clusters.error && !clusters.value && (
        <ResponseErrorPanel error={clusters.error} />
      )}
      {clusters.value && (
        <Paper>
          <Table aria-label="Clusters">
            <TableHead>
              <TableRow>
                <TableCell>Cluster</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Connection</TableCell>
                <TableCell>Version</TableCell>
                <TableCell align="right">Nodes</TableCell>
                <TableCell align="right">Pods</TableCell>
                <TableCell>Health</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {clusters.value.length === 0 && (
                <TableRow>
                  <TableCell colSpan={7}>
                    No clusters are configured, or you may not see any.
                  </TableCell>
                </TableRow>
              )}
              {clusters.value.map(cluster => {
                const to = clusterLink?.({ cluster: cluster.name }) ?? '';
                return (
                  <TableRow
                    key={cluster.name}
                    hover
                    style={{ cursor: 'pointer' }}
                    onClick={() => navigate(to)}
                  >
                    <TableCell>
                      <Link to={to} onClick={e => e.stopPropagation()}>
                        {cluster.title}
                      </Link>
                      {cluster.title !== cluster.name && (
                        <Typography
                          variant="caption"
                          display="block"
                          color="textSecondary"
                        >
                          {cluster.name}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <ReachabilityCell cluster={cluster} />
                    </TableCell>
                    <TableCell>{cluster.connectionType}</TableCell>
                    <TableCell>{cluster.version ?? '—'}</TableCell>
                    <TableCell align="right">
                      {cluster.nodeCount ?? '—'}
                    </TableCell>
                    <TableCell align="right">
                      {cluster.podCount ?? '—'}
                    </TableCell>
                    <TableCell>
                      {diagnosesLink ? (
                        <Link
                          to={`${diagnosesLink()}?cluster=${encodeURIComponent(
                            cluster.name,
                          )}`}
                          onClick={e => e.stopPropagation()}
                          aria-label={`Diagnoses of ${cluster.title}`}
                        >
                          <HealthSummary health={healthOf(cluster)} />
                        </Link>
                      ) : (
                        <HealthSummary health={healthOf(cluster)} />
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
      <Box mt={2}>
        <PinnedList />
      </Box>
    </Content>
  );
}
