import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import GetAppIcon from '@material-ui/icons/GetApp';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { ReactNode, useState } from 'react';

/** What the user chose in the log toolbar. */
export type LogSettings = {
  container: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  paused: boolean;
  /** Client-side filter of the shown lines. */
  search: string;
  /** Server-side regular expression (applied on Enter or blur). */
  grep: string;
};

function Toggle(props: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <FormControlLabel
      label={props.label}
      control={
        <Switch
          checked={props.checked}
          disabled={props.disabled}
          onChange={e => props.onChange(e.target.checked)}
        />
      }
    />
  );
}

/** Container, follow, previous, timestamps, search, grep, pause and download. */
export function LogToolbar(props: {
  containers: string[];
  settings: LogSettings;
  onChange(changes: Partial<LogSettings>): void;
  pending: number;
  onDownload(): void;
  children?: ReactNode;
}) {
  const { settings: s, onChange } = props;
  const [grepInput, setGrepInput] = useState(s.grep);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={12} mb={1}>
      {props.containers.length > 1 && (
        <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
          <InputLabel id="log-container">Container</InputLabel>
          <Select
            labelId="log-container"
            label="Container"
            value={s.container}
            onChange={e => onChange({ container: String(e.target.value) })}
          >
            {props.containers.map(c => (
              <MenuItem key={c} value={c}>
                {c}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      )}
      <Toggle
        label="Follow"
        checked={s.follow && !s.previous}
        disabled={s.previous}
        onChange={follow => onChange({ follow })}
      />
      <Toggle
        label="Previous container"
        checked={s.previous}
        onChange={previous => onChange({ previous })}
      />
      <Toggle
        label="Timestamps"
        checked={s.timestamps}
        onChange={timestamps => onChange({ timestamps })}
      />
      <TextField
        size="small"
        variant="outlined"
        label="Search"
        value={s.search}
        onChange={e => onChange({ search: e.target.value })}
        inputProps={{ 'aria-label': 'Search log lines' }}
      />
      <form
        onSubmit={e => {
          e.preventDefault();
          onChange({ grep: grepInput });
        }}
      >
        <TextField
          size="small"
          variant="outlined"
          label="Grep (regex, server)"
          value={grepInput}
          onChange={e => setGrepInput(e.target.value)}
          onBlur={() => onChange({ grep: grepInput })}
          inputProps={{ 'aria-label': 'Grep' }}
        />
      </form>
      <Button
        size="small"
        startIcon={s.paused ? <PlayArrowIcon /> : <PauseIcon />}
        onClick={() => onChange({ paused: !s.paused })}
      >
        {s.paused
          ? `Resume${props.pending ? ` (${props.pending} new)` : ''}`
          : 'Pause'}
      </Button>
      <Button
        size="small"
        startIcon={<GetAppIcon />}
        onClick={props.onDownload}
      >
        Download
      </Button>
      <Box flexGrow={1} />
      {props.children}
    </Box>
  );
}
