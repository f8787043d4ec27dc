import Tooltip from '@material-ui/core/Tooltip';
import { StreamState } from '../../api';
import { StatusChip } from '../StatusChip';

/** Whether a view is live: connected, reconnecting, or why it is not live. */
export function LiveIndicator(props: { state: StreamState }) {
  const { state } = props;
  switch (state.state) {
    case 'open':
      return <StatusChip status={{ text: 'Live', tone: 'ok' }} />;
    case 'reconnecting':
      return (
        <Tooltip title={state.error ?? 'The connection dropped'}>
          <span>
            <StatusChip status={{ text: 'Reconnecting…', tone: 'warning' }} />
          </span>
        </Tooltip>
      );
    case 'failed':
      return (
        <Tooltip title={state.error}>
          <span>
            <StatusChip status={{ text: 'Not live', tone: 'neutral' }} />
          </span>
        </Tooltip>
      );
    case 'ended':
      return <StatusChip status={{ text: 'Complete', tone: 'neutral' }} />;
    default:
      return <StatusChip status={{ text: 'Connecting…', tone: 'neutral' }} />;
  }
}
