import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { Frequency, FREQUENCIES } from '@kubedeck/plugin-notifications-common';
import { FREQUENCY_LABELS } from '../labels';

// Every cell as wide as the longest label, so the columns line up.
const useStyles = makeStyles({ select: { width: 180 } });

/** One cell of the matrix: how often the user hears about a category through a channel. */
export function FrequencySelect(props: {
  label: string;
  value: Frequency;
  defaultValue: Frequency;
  isDefault: boolean;
  disabled?: boolean;
  onChange: (frequency: Frequency) => void;
}) {
  const { label, value, defaultValue, isDefault, disabled, onChange } = props;
  const classes = useStyles();
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      className={classes.select}
      value={value}
      disabled={disabled}
      onChange={event => onChange(event.target.value as Frequency)}
      helperText={isDefault ? 'Default' : ' '}
      SelectProps={{
        SelectDisplayProps: { 'aria-label': label },
        renderValue: selected => FREQUENCY_LABELS[selected as Frequency],
      }}
    >
      {FREQUENCIES.map(frequency => (
        <MenuItem key={frequency} value={frequency}>
          {FREQUENCY_LABELS[frequency]}
          {frequency === defaultValue ? ' (default)' : ''}
        </MenuItem>
      ))}
    </TextField>
  );
}
