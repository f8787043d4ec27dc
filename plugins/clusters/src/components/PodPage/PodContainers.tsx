import { InfoCard } from '@backstage/core-components';
import { PodContainerDetails } from '@kubedeck/plugin-clusters-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { toneOf } from '../../lib/objectStatus';
import { StatusChip } from '../StatusChip';

function probeAction(probe: any): string {
  if (probe.httpGet)
    return `HTTP GET ${probe.httpGet.path ?? '/'} :${probe.httpGet.port}`;
  if (probe.tcpSocket) return `TCP :${probe.tcpSocket.port}`;
  if (probe.exec) return `exec ${(probe.exec.command ?? []).join(' ')}`;
  if (probe.grpc) return `gRPC :${probe.grpc.port}`;
  return 'custom';
}

function describeProbe(probe: any): string {
  if (!probe) return '—';
  const how = probeAction(probe);
  return `${how} every ${probe.periodSeconds ?? 10}s (delay ${
    probe.initialDelaySeconds ?? 0
  }s, timeout ${probe.timeoutSeconds ?? 1}s, failure threshold ${
    probe.failureThreshold ?? 3
  })`;
}

function resources(r: PodContainerDetails['resources']) {
  const fmt = (m?: Record<string, string>) =>
    m
      ? Object.entries(m)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')
      : 'none';
  return `requests: ${fmt(r.requests)} · limits: ${fmt(r.limits)}`;
}

function Row(props: { label: string; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" style={{ width: 180, verticalAlign: 'top' }}>
        {props.label}
      </TableCell>
      <TableCell>{props.children}</TableCell>
    </TableRow>
  );
}

function EnvTable(props: { env: PodContainerDetails['env'] }) {
  if (props.env.length === 0) return <>—</>;
  return (
    <>
      {props.env.map(e => {
        let value: string;
        if (e.source?.kind === 'secret') {
          value = `${e.masked ? e.value ?? '********' : e.value} (secret ${
            e.source.name
          }/${e.source.key}${e.masked ? ', masked' : ''})`;
        } else if (e.source) {
          value = `from ${e.source.kind} ${[e.source.name, e.source.key]
            .filter(Boolean)
            .join('/')}`;
        } else {
          value = e.value ?? '';
        }
        return (
          <Typography
            key={e.name}
            variant="body2"
            style={{ fontFamily: 'monospace' }}
          >
            {e.name}={value}
          </Typography>
        );
      })}
    </>
  );
}

function ContainerCard(props: { container: PodContainerDetails }) {
  const c = props.container;
  const stateText = c.reason ?? (c.state === 'running' ? 'Running' : c.state);
  const runningTone = c.ready ? 'ok' : 'warning';
  const tone = c.state === 'running' ? runningTone : toneOf(stateText);
  const last = c.lastTermination;
  return (
    <InfoCard
      title={`${c.init ? 'Init container' : 'Container'} ${c.name}`}
      noPadding
    >
      <Table size="small">
        <TableBody>
          <Row label="State">
            <Box display="flex" gridGap={8} alignItems="center">
              <StatusChip status={{ text: stateText, tone }} />
              {c.ready ? 'ready' : 'not ready'}
              {c.exitCode !== undefined && ` · exit code ${c.exitCode}`}
            </Box>
            {c.message && (
              <Typography variant="caption">{c.message}</Typography>
            )}
          </Row>
          <Row label="Restarts">{c.restartCount}</Row>
          <Row label="Last termination">
            {last
              ? `${last.reason ?? 'Terminated'}, exit code ${
                  last.exitCode ?? '?'
                }${
                  last.finishedAt
                    ? ` at ${new Date(last.finishedAt).toLocaleString()}`
                    : ''
                }`
              : '—'}
            {last?.message && (
              <Typography variant="caption" display="block">
                {last.message}
              </Typography>
            )}
          </Row>
          <Row label="Image">{c.image}</Row>
          <Row label="Ports">
            {c.ports
              .map(
                p =>
                  `${p.containerPort}/${p.protocol ?? 'TCP'}${
                    p.name ? ` (${p.name})` : ''
                  }`,
              )
              .join(', ') || '—'}
          </Row>
          <Row label="Liveness probe">{describeProbe(c.probes.liveness)}</Row>
          <Row label="Readiness probe">{describeProbe(c.probes.readiness)}</Row>
          <Row label="Startup probe">{describeProbe(c.probes.startup)}</Row>
          <Row label="Resources">{resources(c.resources)}</Row>
          <Row label="Environment">
            <EnvTable env={c.env} />
          </Row>
          <Row label="Mounts">
            {c.volumeMounts
              .map(
                m => `${m.name} → ${m.mountPath}${m.readOnly ? ' (ro)' : ''}`,
              )
              .join(', ') || '—'}
          </Row>
        </TableBody>
      </Table>
    </InfoCard>
  );
}

/** Every container of the pod, init containers first. */
export function PodContainers(props: { containers: PodContainerDetails[] }) {
  return (
    <Grid container spacing={2}>
      {props.containers.map(c => (
        <Grid item xs={12} lg={6} key={`${c.init}-${c.name}`}>
          <ContainerCard container={c} />
        </Grid>
      ))}
    </Grid>
  );
}
