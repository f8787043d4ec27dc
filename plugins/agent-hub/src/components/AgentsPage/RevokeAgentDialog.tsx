import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Agent } from '@kubedeck/plugin-agent-hub-common';

/** Asks before an agent's credential is revoked. */
export function RevokeAgentDialog(props: {
  agent: Agent;
  onClose: () => void;
  onRevoke: () => void;
}) {
  const { agent, onClose, onRevoke } = props;
  const titleId = `revoke-agent-${agent.id}-title`;
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>
        Revoke the agent of {agent.clusterName}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Its credential stops working and its stream to the hub closes at once,
          so {agent.clusterName} can no longer be reached. Connecting it again
          needs a new registration token.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button color="secondary" variant="contained" onClick={onRevoke}>
          Revoke
        </Button>
      </DialogActions>
    </Dialog>
  );
}
