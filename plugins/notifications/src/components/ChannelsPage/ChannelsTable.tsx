import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { NotificationChannel } from '@kubedeck/plugin-notifications-common';
import { ChannelTypeInfo } from '../../api';
import { categoryLabel } from '../labels';

function receives(channel: NotificationChannel): string {
  if (channel.personal) {
    return 'Each user, by their preferences';
  }
  const categories = channel.routing.categories ?? [];
  return categories.length > 0
    ? categories.map(categoryLabel).join(', ')
    : 'Nothing';
}

/** The configured channels with their actions. Secrets appear only as "configured". */
export function ChannelsTable(props: {
  channels: NotificationChannel[];
  types: ChannelTypeInfo[];
  busy: string | undefined;
  onEdit: (channel: NotificationChannel) => void;
  onToggle: (channel: NotificationChannel) => void;
  onTest: (channel: NotificationChannel) => void;
  onDelete: (channel: NotificationChannel) => void;
}) {
  const { channels, types, busy, onEdit, onToggle, onTest, onDelete } = props;
  const typeTitle = (type: string) =>
    types.find(t => t.type === type)?.title ?? type;

  if (channels.length === 0) {
    return (
      <Typography color="textSecondary">
        No channels yet. Users get alerts in their inbox only until you add one.
      </Typography>
    );
  }
  return (
    <Table aria-label="Notification channels" size="small">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Type</TableCell>
          <TableCell>Receives</TableCell>
          <TableCell>Secrets</TableCell>
          <TableCell>Enabled</TableCell>
          <TableCell align="right">Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {channels.map(channel => (
          <TableRow key={channel.id}>
            <TableCell component="th" scope="row">
              {channel.name}
            </TableCell>
            <TableCell>{typeTitle(channel.type)}</TableCell>
            <TableCell>{receives(channel)}</TableCell>
            <TableCell>
              {Object.keys(channel.secrets).length === 0
                ? '—'
                : Object.keys(channel.secrets).map(field => (
                    <Chip
                      key={field}
                      size="small"
                      label={`${field} configured`}
                      style={{ marginRight: 4 }}
                    />
                  ))}
            </TableCell>
            <TableCell>
              <Switch
                color="primary"
                checked={channel.enabled}
                disabled={busy === channel.id}
                onChange={() => onToggle(channel)}
                inputProps={{ 'aria-label': `Enable ${channel.name}` }}
              />
            </TableCell>
            <TableCell align="right">
              <Button size="small" onClick={() => onEdit(channel)}>
                Edit
              </Button>
              <Button
                size="small"
                color="primary"
                disabled={busy === channel.id || !channel.enabled}
                onClick={() => onTest(channel)}
                aria-label={`Send test message through ${channel.name}`}
              >
                Send test message
              </Button>
              <Button
                size="small"
                disabled={busy === channel.id}
                onClick={() => onDelete(channel)}
                aria-label={`Delete ${channel.name}`}
              >
                Delete
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
