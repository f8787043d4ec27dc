import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import { LogTarget } from '../../api';
import { LiveIndicator } from '../LiveIndicator';
import { LogLines } from './LogLines';
import { LogSettings, LogToolbar } from './LogToolbar';
import { useLogStream } from './useLogStream';

const TAIL_LINES = 1_000;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Props of {@link LogsViewer}. */
export type LogsViewerProps = {
  target: LogTarget;
  /** Containers to choose from (the first is the default). */
  containers?: string[];
  /** A name for downloaded files. */
  name: string;
};

/**
 * A log viewer: container, follow, pause, search, server-side grep, previous container,
 * timestamps and download. It resumes by itself after a network drop.
 */
export function LogsViewer(props: LogsViewerProps) {
  const containers = props.containers ?? [];
  const [settings, setSettings] = useState<LogSettings>({
    container: containers[0] ?? '',
    follow: true,
    previous: false,
    timestamps: false,
    paused: false,
    search: '',
    grep: '',
  });
  const { container, follow, previous, grep, timestamps } = settings;
  const options = useMemo(
    () => ({
      container: container || undefined,
      follow: follow && !previous,
      previous,
      tailLines: TAIL_LINES,
      grep: grep || undefined,
    }),
    [container, follow, previous, grep],
  );
  const { lines, state, pending } = useLogStream(
    props.target,
    options,
    settings.paused,
  );
  const save = () =>
    download(
      `${props.name}${container ? `-${container}` : ''}.log`,
      lines.map(l => `${timestamps ? `${l.time} ` : ''}${l.line}`).join('\n'),
    );

  return (
    <Box>
      <LogToolbar
        containers={containers}
        settings={settings}
        onChange={changes => setSettings(s => ({ ...s, ...changes }))}
        pending={pending}
        onDownload={save}
      >
        <LiveIndicator state={state} />
      </LogToolbar>
      {state.state === 'failed' && (
        <Typography color="error" role="alert">
          {state.error}
        </Typography>
      )}
      <LogLines
        lines={lines}
        search={settings.search}
        timestamps={timestamps}
        stickToBottom={!settings.paused}
      />
      <Typography variant="caption" color="textSecondary">
        {lines.length} {lines.length === 1 ? 'line' : 'lines'}
        {previous ? ' from the previous container' : ''}
      </Typography>
    </Box>
  );
}
