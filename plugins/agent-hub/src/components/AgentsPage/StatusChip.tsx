import Chip, { ChipProps } from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import type { AgentStatus } from '@kubedeck/plugin-agent-hub-common';

const LOOKS: Record<
  AgentStatus,
  { color: ChipProps['color']; variant?: ChipProps['variant']; help: string }
> = {
  connected: {
    color: 'primary',
    help: 'Holds a stream to the hub; its cluster can be browsed',
  },
  pushing: {
    color: 'primary',
    variant: 'outlined',
    help: 'Push-only: reports failures without a stream, so its cluster cannot be browsed',
  },
  reconnecting: {
    color: 'secondary',
    help: 'Lost its stream or heartbeats recently; the agent retries',
  },
  offline: {
    color: 'default',
    help: 'No stream, heartbeat or report within the offline grace',
  },
};

/** An agent's status as the hub sees it, with what it means on hover. */
export function StatusChip(props: { status: AgentStatus }) {
  const { color, variant, help } = LOOKS[props.status];
  return (
    <Tooltip title={help}>
      <Chip size="small" color={color} variant={variant} label={props.status} />
    </Tooltip>
  );
}
