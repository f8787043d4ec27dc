import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Table, TableColumn } from '@backstage/core-components';
import {
  Delivery,
  DeliveryStatus,
} from '@kubedeck/plugin-notifications-common';
import { categoryLabel } from '../labels';

const statusColors: Record<
  DeliveryStatus,
  'default' | 'primary' | 'secondary'
> = {
  pending: 'default',
  retrying: 'default',
  delivered: 'primary',
  failed: 'secondary',
  skipped: 'default',
};

const useStyles = makeStyles(theme => ({
  error: { color: theme.palette.error.main, wordBreak: 'break-word' },
  empty: { padding: theme.spacing(2) },
}));

/** One row per notification, channel and recipient, with its attempts and last error. */
export function DeliveriesTable(props: {
  deliveries: Delivery[];
  loading: boolean;
  channelName: (id: string) => string;
  title: string;
}) {
  const { deliveries, loading, channelName, title } = props;
  const classes = useStyles();
  const columns: TableColumn<Delivery>[] = [
    {
      title: 'Time',
      field: 'createdAt',
      render: d => new Date(d.createdAt).toLocaleString(),
    },
    {
      title: 'Notification',
      field: 'title',
      render: d => (
        <>
          <Typography variant="body2">{d.title}</Typography>
          <Typography variant="caption" color="textSecondary">
            {[d.kind, d.severity, d.cluster].filter(Boolean).join(' · ')}
          </Typography>
        </>
      ),
    },
    {
      title: 'Category',
      field: 'category',
      render: d => categoryLabel(d.category),
    },
    { title: 'Channel', field: 'channel', render: d => channelName(d.channel) },
    { title: 'Recipient', field: 'recipient', render: d => d.recipient ?? '—' },
    {
      title: 'Status',
      field: 'status',
      render: d => (
        <Chip size="small" label={d.status} color={statusColors[d.status]} />
      ),
    },
    { title: 'Attempts', field: 'attempts', type: 'numeric' },
    {
      title: 'Last error',
      field: 'lastError',
      render: d =>
        d.lastError ? (
          <span className={classes.error}>{d.lastError}</span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Table<Delivery>
      title={title}
      columns={columns}
      data={deliveries}
      isLoading={loading}
      options={{
        search: false,
        paging: false,
        sorting: false,
        padding: 'dense',
      }}
      emptyContent={
        <div className={classes.empty}>No deliveries match these filters.</div>
      }
    />
  );
}
