import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { Table, TableColumn } from '@backstage/core-components';
import { AuditEvent } from '@kubedeck/plugin-audit-common';

const outcomeColors = {
  initiated: 'default',
  succeeded: 'primary',
  failed: 'secondary',
} as const;

const columns: TableColumn<AuditEvent>[] = [
  { title: 'Seq', field: 'sequence', width: '5%' },
  {
    title: 'Time',
    field: 'time',
    render: event => new Date(event.time).toLocaleString(),
  },
  { title: 'Actor', field: 'actor', render: event => event.actor ?? '—' },
  { title: 'Plugin', field: 'plugin' },
  { title: 'Event', field: 'eventId' },
  { title: 'Action', field: 'action' },
  { title: 'Target', field: 'target', render: event => event.target ?? '—' },
  {
    title: 'Outcome',
    field: 'outcome',
    render: event => (
      <Chip
        size="small"
        label={event.outcome}
        color={outcomeColors[event.outcome]}
      />
    ),
  },
];

const useStyles = makeStyles(theme => ({
  metadata: {
    margin: theme.spacing(2),
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  },
  empty: { padding: theme.spacing(2) },
}));

/** Audit events, newest first, with their metadata in an expandable row. */
export function AuditEventsTable(props: {
  events: AuditEvent[];
  loading: boolean;
}) {
  const classes = useStyles();
  return (
    <Table<AuditEvent>
      title="Audit events"
      columns={columns}
      data={props.events}
      isLoading={props.loading}
      options={{
        search: false,
        paging: false,
        sorting: false,
        padding: 'dense',
      }}
      detailPanel={({ rowData }) => (
        <pre className={classes.metadata}>
          {JSON.stringify(rowData.metadata, null, 2)}
        </pre>
      )}
      emptyContent={
        <div className={classes.empty}>
          No audit events match these filters.
        </div>
      }
    />
  );
}
