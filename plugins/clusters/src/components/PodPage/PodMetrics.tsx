import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { PodContainerDetails } from '@kubedeck/plugin-clusters-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { clustersApiRef } from '../../api';
import { formatBytes, formatCpu } from '../../lib/format';

const REFRESH_MS = 15_000;

/** CPU and memory of the pod's containers against their requests and limits. */
export function PodMetrics(props: {
  cluster: string;
  namespace: string;
  pod: string;
  containers: PodContainerDetails[];
}) {
  const api = useApi(clustersApiRef);
  const metrics = useAsyncRetry(
    () => api.getPodMetrics(props.cluster, props.namespace),
    [api, props.cluster, props.namespace],
  );
  useInterval(metrics.retry, REFRESH_MS);
  if (metrics.loading && !metrics.value) return <Progress />;
  if (metrics.error && !metrics.value)
    return <ResponseErrorPanel error={metrics.error} />;
  const result = metrics.value!;
  if (!result.available) {
    return (
      <InfoCard title="Metrics">
        <Typography>
          This cluster has no metrics API, so no CPU or memory figures can be
          shown.
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {result.reason}
        </Typography>
      </InfoCard>
    );
  }
  const usage = result.items.find(i => i.name === props.pod);
  if (!usage) {
    return (
      <InfoCard title="Metrics">
        <Typography>
          The metrics API reports nothing for this pod yet (it may not be
          running).
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={`Metrics${
        usage.timestamp
          ? ` at ${new Date(usage.timestamp).toLocaleTimeString()}`
          : ''
      }`}
      noPadding
    >
      <Table size="small" aria-label="Container metrics">
        <TableHead>
          <TableRow>
            <TableCell>Container</TableCell>
            <TableCell align="right">CPU</TableCell>
            <TableCell>CPU request / limit</TableCell>
            <TableCell align="right">Memory</TableCell>
            <TableCell>Memory request / limit</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(usage.containers ?? []).map(c => {
            const spec = props.containers.find(
              s => s.name === c.name,
            )?.resources;
            return (
              <TableRow key={c.name}>
                <TableCell>{c.name}</TableCell>
                <TableCell align="right">
                  {formatCpu(c.cpuMillicores)}
                </TableCell>
                <TableCell>{`${spec?.requests?.cpu ?? '—'} / ${
                  spec?.limits?.cpu ?? '—'
                }`}</TableCell>
                <TableCell align="right">
                  {formatBytes(c.memoryBytes)}
                </TableCell>
                <TableCell>{`${spec?.requests?.memory ?? '—'} / ${
                  spec?.limits?.memory ?? '—'
                }`}</TableCell>
              </TableRow>
            );
          })}
          <TableRow>
            <TableCell>
              <strong>Pod</strong>
            </TableCell>
            <TableCell align="right">
              {formatCpu(usage.cpuMillicores)}
            </TableCell>
            <TableCell />
            <TableCell align="right">
              {formatBytes(usage.memoryBytes)}
            </TableCell>
            <TableCell />
          </TableRow>
        </TableBody>
      </Table>
    </InfoCard>
  );
}
