import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { NotificationChannel } from '@kubedeck/plugin-notifications-common';

/** Asks before a channel and its stored secrets are deleted. */
export function DeleteChannelDialog(props: {
  channel: NotificationChannel;
  onClose: () => void;
  onDelete: () => Promise<void>;
}) {
  const { channel, onClose, onDelete } = props;
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<Error>();

  const confirm = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      await onDelete();
    } catch (e) {
      setError(e as Error);
      setDeleting(false);
    }
  };

  return (
    <Dialog open onClose={onClose}>
      <DialogTitle>Delete channel {channel.name}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Alerts stop going through it and its stored secrets are deleted. Its
          delivery history is kept.
        </DialogContentText>
        {error && <Alert severity="error">{error.message}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={deleting}
          onClick={confirm}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
