import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { PodDetailsInfo } from '@kubedeck/plugin-clusters-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ReactNode } from 'react';
import { age, formatTime } from '../../lib/format';
import { clusterRouteRef } from '../../routes';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" style={{ width: 160 }}>
        {props.label}
      </TableCell>
      <TableCell>{props.children}</TableCell>
    </TableRow>
  );
}

function volumeSource(volume: Record<string, unknown>): string {
  const [type, source] = Object.entries(volume).find(
    ([key]) => key !== 'name',
  ) ?? ['unknown', {}];
  const s = source as any;
  const ref = s?.name ?? s?.secretName ?? s?.claimName ?? s?.path ?? '';
  return ref ? `${type} ${ref}` : type;
}

/** Where the pod runs, who owns it, its conditions and volumes. */
export function PodSummary(props: { cluster: string; pod: PodDetailsInfo }) {
  const { pod, cluster } = props;
  const clusterLink = useRouteRef(clusterRouteRef);
  const ownerLink = (kind: string) =>
    clusterLink
      ? `${clusterLink({
          cluster,
        })}?kind=${kind.toLowerCase()}s&namespace=${encodeURIComponent(
          pod.namespace,
        )}`
      : undefined;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Pod" noPadding>
          <Table size="small">
            <TableBody>
              <Field label="Namespace">{pod.namespace}</Field>
              <Field label="Node">{pod.node ?? 'not scheduled'}</Field>
              <Field label="Pod IPs">
                {pod.podIPs.join(', ') || pod.podIP || '—'}
              </Field>
              <Field label="Host IP">{pod.hostIP ?? '—'}</Field>
              <Field label="QoS class">{pod.qosClass ?? '—'}</Field>
              <Field label="Service account">{pod.serviceAccount ?? '—'}</Field>
              <Field label="Created">{`${formatTime(pod.createdAt)} (${age(
                pod.createdAt,
              )} ago)`}</Field>
              <Field label="Owner chain">
                {pod.ownerChain.length === 0
                  ? 'none'
                  : pod.ownerChain.map((o, i) => {
                      const to = ownerLink(o.kind);
                      return (
                        <span key={o.uid ?? o.name}>
                          {i > 0 && ' → '}
                          {o.kind} {to ? <Link to={to}>{o.name}</Link> : o.name}
                        </span>
                      );
                    })}
              </Field>
              <Field label="Labels">
                {Object.entries(pod.labels)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ') || '—'}
              </Field>
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Conditions" noPadding>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Type</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>Since</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {pod.conditions.map(c => (
                <TableRow key={c.type}>
                  <TableCell>{c.type}</TableCell>
                  <TableCell>{c.status}</TableCell>
                  <TableCell>{c.reason ?? c.message ?? ''}</TableCell>
                  <TableCell>{age(c.lastTransitionTime)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </InfoCard>
        <Box mt={2} />
        <InfoCard title="Volumes" noPadding>
          <Table size="small">
            <TableBody>
              {pod.volumes.length === 0 && (
                <TableRow>
                  <TableCell>The pod mounts no volumes.</TableCell>
                </TableRow>
              )}
              {pod.volumes.map(v => (
                <Field key={v.name} label={v.name}>
                  {volumeSource(v)}
                </Field>
              ))}
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
