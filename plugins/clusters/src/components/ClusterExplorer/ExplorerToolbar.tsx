import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { ReactNode, useEffect, useState } from 'react';
import { NamespaceSelect } from './NamespaceSelect';

/** Namespace, label selector (applied on Enter) and text filter. */
export function ExplorerToolbar(props: {
  cluster: string;
  namespaced: boolean;
  namespace: string;
  onNamespace(namespace: string): void;
  labelSelector: string;
  onLabelSelector(selector: string): void;
  text: string;
  onText(text: string): void;
  children?: ReactNode;
}) {
  const [selector, setSelector] = useState(props.labelSelector);
  useEffect(() => setSelector(props.labelSelector), [props.labelSelector]);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={12} p={2}>
      <NamespaceSelect
        cluster={props.cluster}
        value={props.namespace}
        disabled={!props.namespaced}
        onChange={props.onNamespace}
      />
      <form
        onSubmit={e => {
          e.preventDefault();
          props.onLabelSelector(selector.trim());
        }}
      >
        <TextField
          size="small"
          variant="outlined"
          label="Label selector"
          placeholder="app=web,tier!=db"
          value={selector}
          onChange={e => setSelector(e.target.value)}
          onBlur={() => props.onLabelSelector(selector.trim())}
          inputProps={{ 'aria-label': 'Label selector' }}
        />
      </form>
      <TextField
        size="small"
        variant="outlined"
        label="Filter"
        placeholder="name contains…"
        value={props.text}
        onChange={e => props.onText(e.target.value)}
        inputProps={{ 'aria-label': 'Filter by text' }}
      />
      <Box flexGrow={1} />
      {props.children}
    </Box>
  );
}
