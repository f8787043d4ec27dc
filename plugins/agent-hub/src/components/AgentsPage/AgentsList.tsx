import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Alert from '@material-ui/lab/Alert';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { agentTokensCreatePermission } from '@kubedeck/plugin-agent-hub-common';
import { agentHubApiRef } from '../../api';
import { AddClusterDialog } from './AddClusterDialog';
import { AgentActions } from './AgentActions';
import { missingPermission } from './missingPermission';
import { StatusChip } from './StatusChip';

const POLL_MS = 5_000;

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');

/** Agents with live status (polled), and the Add cluster flow. */
export function AgentsList() {
  const api = useApi(agentHubApiRef);
  const create = usePermission({ permission: agentTokensCreatePermission });
  const agents = useAsyncRetry(() => api.listAgents(), [api]);
  // Other pages (the clusters overview) link here with `?add=cluster` to add one.
  const [searchParams] = useSearchParams();
  const [adding, setAdding] = useState(searchParams.get('add') === 'cluster');
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  useInterval(agents.retry, POLL_MS);

  const addTooltip = () => {
    if (create.loading) return 'Checking whether you may add clusters…';
    return create.allowed
      ? ''
      : missingPermission(agentTokensCreatePermission.name);
  };
  const addButton = (
    <Tooltip title={addTooltip()}>
      <span>
        <Button
          variant="contained"
          color="primary"
          disabled={!create.allowed}
          aria-busy={create.loading}
          startIcon={
            create.loading ? (
              <CircularProgress size={16} color="inherit" />
            ) : undefined
          }
          onClick={() => setAdding(true)}
        >
          Add cluster
        </Button>
      </span>
    </Tooltip>
  );

  return (
    <InfoCard title="Agents" action={addButton}>
      {notice && (
        <Alert
          severity={notice.ok ? 'success' : 'error'}
          onClose={() => setNotice(undefined)}
        >
          {notice.text}
        </Alert>
      )}
      {agents.error && <ResponseErrorPanel error={agents.error} />}
      {!agents.value && agents.loading && <Progress />}
      {agents.value && (
        <Table size="small" aria-label="Agents">
          <TableHead>
            <TableRow>
              <TableCell>Cluster</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Agent version</TableCell>
              <TableCell>Last heartbeat</TableCell>
              <TableCell>Last report</TableCell>
              <TableCell>Kubernetes</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {agents.value.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>
                  No agents yet: add a cluster to connect one.
                </TableCell>
              </TableRow>
            )}
            {agents.value.map(agent => (
              <TableRow key={agent.id}>
                <TableCell>{agent.clusterName}</TableCell>
                <TableCell>
                  <StatusChip status={agent.status} />
                </TableCell>
                <TableCell>{agent.agentVersion ?? '—'}</TableCell>
                <TableCell>{when(agent.lastHeartbeatAt)}</TableCell>
                <TableCell>{when(agent.lastReportAt)}</TableCell>
                <TableCell>
                  {agent.clusterInfo
                    ? `${agent.clusterInfo.kubernetesVersion}, ${agent.clusterInfo.nodeCount} nodes`
                    : '—'}
                </TableCell>
                <TableCell align="right">
                  <AgentActions
                    agent={agent}
                    onDone={text => {
                      setNotice({ ok: true, text });
                      agents.retry();
                    }}
                    onError={error =>
                      setNotice({ ok: false, text: error.message })
                    }
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <AddClusterDialog
        open={adding && create.allowed}
        onClose={() => setAdding(false)}
      />
    </InfoCard>
  );
}
