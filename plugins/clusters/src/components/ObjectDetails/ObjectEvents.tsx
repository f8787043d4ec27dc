import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { clustersApiRef, ObjectRef } from '../../api';
import { age } from '../../lib/format';
import { objectStatus } from '../../lib/objectStatus';
import { StatusChip } from '../StatusChip';

const REFRESH_MS = 10_000;

/** Events about one object, newest first, refreshed every few seconds. */
export function ObjectEvents(props: { object: ObjectRef }) {
  const api = useApi(clustersApiRef);
  const { object } = props;
  const events = useAsyncRetry(
    () => api.listObjectEvents(object),
    [api, object.cluster, object.namespace, object.name, object.type.resource],
  );
  useInterval(events.retry, REFRESH_MS);
  if (events.loading && !events.value) return <Progress />;
  if (events.error && !events.value)
    return <ResponseErrorPanel error={events.error} />;
  const items = [...(events.value ?? [])].reverse();
  if (items.length === 0) {
    return <Typography color="textSecondary">No events.</Typography>;
  }
  return (
    <Table size="small" aria-label="Events">
      <TableHead>
        <TableRow>
          <TableCell>Type</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Message</TableCell>
          <TableCell align="right">Count</TableCell>
          <TableCell>Last seen</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((e, i) => (
          <TableRow key={e.metadata.uid ?? i}>
            <TableCell>
              <StatusChip status={objectStatus({ ...e, kind: 'Event' })!} />
            </TableCell>
            <TableCell>{String(e.reason ?? '')}</TableCell>
            <TableCell>{String(e.message ?? '')}</TableCell>
            <TableCell align="right">{String(e.count ?? 1)}</TableCell>
            <TableCell>
              {age(
                String(
                  e.lastTimestamp ??
                    e.eventTime ??
                    e.metadata.creationTimestamp ??
                    '',
                ),
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
