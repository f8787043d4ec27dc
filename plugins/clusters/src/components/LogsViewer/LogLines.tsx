import { LogLineEvent } from '@kubedeck/plugin-clusters-common';
import { makeStyles } from '@material-ui/core/styles';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles(theme => ({
  root: {
    fontFamily: 'monospace',
    fontSize: 12,
    lineHeight: 1.5,
    backgroundColor: theme.palette.type === 'dark' ? '#111' : '#f7f7f7',
    height: '60vh',
    overflow: 'auto',
    padding: theme.spacing(1),
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  },
  time: { color: theme.palette.text.secondary, marginRight: theme.spacing(1) },
  source: { color: theme.palette.info.main, marginRight: theme.spacing(1) },
  match: { backgroundColor: theme.palette.warning.light },
}));

/** Lines shown at most (the newest); download has all kept lines. */
const MAX_RENDERED = 5_000;

function highlight(text: string, needle: string, className: string) {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // with a capture group, split keeps the matches at odd indexes
  return text.split(new RegExp(`(${escaped})`, 'i')).map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} className={className}>
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

/** The log lines, scrolled to the end while following. */
export function LogLines(props: {
  lines: LogLineEvent[];
  search: string;
  timestamps: boolean;
  stickToBottom: boolean;
}) {
  const classes = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const { lines, search, timestamps, stickToBottom } = props;
  const needle = search.toLowerCase();
  const shown = (
    needle ? lines.filter(l => l.line.toLowerCase().includes(needle)) : lines
  ).slice(-MAX_RENDERED);

  useEffect(() => {
    if (stickToBottom && box.current) {
      box.current.scrollTop = box.current.scrollHeight;
    }
  }, [shown.length, stickToBottom]);

  return (
    <div className={classes.root} ref={box} role="log" aria-label="Log lines">
      {shown.map((l, i) => (
        <div key={i}>
          {timestamps && <span className={classes.time}>{l.time}</span>}
          {l.pod && (
            <span className={classes.source}>
              [{l.pod}/{l.container}]
            </span>
          )}
          {search ? highlight(l.line, search, classes.match) : l.line}
        </div>
      ))}
    </div>
  );
}
