import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ALERT_CATEGORIES,
  AlertCategory,
  DEFAULT_FREQUENCIES,
  Frequency,
  Preference,
  PreferencesResponse,
} from '@kubedeck/plugin-notifications-common';
import { CATEGORY_LABELS } from '../labels';
import { FrequencySelect } from './FrequencySelect';

const CATEGORY_HINTS: Record<AlertCategory, string> = {
  'alerts.critical':
    'Crashing pods, OOM kills, nodes not ready, pending volumes',
  'alerts.security': 'RBAC changes, expiring certificates, permission denials',
  'alerts.operations': 'Failed rollouts and jobs, agents going offline',
  'alerts.info': 'Clusters and agents added',
};

const useStyles = makeStyles(theme => ({
  // As wide as its columns need: with the inbox alone, a full-width table strands the selector.
  table: { width: 'auto' },
  cell: { verticalAlign: 'top', paddingTop: theme.spacing(2) },
  category: {
    verticalAlign: 'top',
    paddingTop: theme.spacing(2.5),
    minWidth: 260,
    maxWidth: 360,
  },
}));

/** Categories down, channels across, a frequency selector in every cell. */
export function PreferencesMatrix(props: {
  channels: PreferencesResponse['channels'];
  cells: Array<Preference & { isDefault: boolean }>;
  readOnly: boolean;
  onChange: (
    category: AlertCategory,
    channel: string,
    frequency: Frequency,
  ) => void;
}) {
  const { channels, cells, readOnly, onChange } = props;
  const classes = useStyles();
  const cellFor = (category: string, channel: string) =>
    cells.find(c => c.category === category && c.channel === channel);

  return (
    <Table
      aria-label="Notification preferences"
      size="small"
      className={classes.table}
    >
      <TableHead>
        <TableRow>
          <TableCell>Category</TableCell>
          {channels.map(channel => (
            <TableCell key={channel.id}>{channel.name}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {ALERT_CATEGORIES.map(category => (
          <TableRow key={category}>
            <TableCell component="th" scope="row" className={classes.category}>
              <Typography variant="subtitle2">
                {CATEGORY_LABELS[category]}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {CATEGORY_HINTS[category]}
              </Typography>
            </TableCell>
            {channels.map(channel => {
              const cell = cellFor(category, channel.id);
              return (
                <TableCell key={channel.id} className={classes.cell}>
                  {cell && (
                    <FrequencySelect
                      label={`${CATEGORY_LABELS[category]} via ${channel.name}`}
                      value={cell.frequency}
                      defaultValue={DEFAULT_FREQUENCIES[category]}
                      isDefault={cell.isDefault}
                      disabled={readOnly}
                      onChange={frequency =>
                        onChange(category, channel.id, frequency)
                      }
                    />
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
