import Chip from '@material-ui/core/Chip';
import type { AgentStatus } from '@kubedeck/plugin-agent-hub-common';

const COLORS: Record<AgentStatus, 'primary' | 'default' | 'secondary'> = {
  connected: 'primary',
  reconnecting: 'secondary',
  offline: 'default',
};

/** An agent's connection state as the hub sees it. */
export function StatusChip(props: { status: AgentStatus }) {
  return (
    <Chip size="small" color={COLORS[props.status]} label={props.status} />
  );
}
