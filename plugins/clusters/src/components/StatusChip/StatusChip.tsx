import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { ObjectStatus, StatusTone } from '../../lib/objectStatus';

const useStyles = makeStyles(theme => ({
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  error: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  neutral: {},
}));

/** A small colored chip for a status: green, amber, red or grey. */
export function StatusChip(props: { status: ObjectStatus }) {
  const classes = useStyles();
  const tone: StatusTone = props.status.tone;
  return (
    <Chip
      size="small"
      label={props.status.text}
      className={classes[tone]}
      data-tone={tone}
    />
  );
}
