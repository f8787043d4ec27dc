import { FormEvent, useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { NotificationChannel } from '@kubedeck/plugin-notifications-common';
import { ChannelTypeInfo } from '../../api';
import { ChannelFormState, channelFormState } from './channelForm';
import { ChannelFormFields } from './ChannelFormFields';

/** Create a channel (no `channel`) or edit one; secrets are typed in, never shown. */
export function ChannelDialog(props: {
  channel?: NotificationChannel;
  types: ChannelTypeInfo[];
  onClose: () => void;
  onSave: (state: ChannelFormState) => Promise<void>;
}) {
  const { channel, types, onClose, onSave } = props;
  const [state, setState] = useState(() =>
    channelFormState(types, types[0]?.type ?? 'slack', channel),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await onSave(state);
    } catch (e) {
      setError(e as Error);
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} aria-label="Channel">
        <DialogTitle>
          {channel ? `Edit channel ${channel.name}` : 'New channel'}
        </DialogTitle>
        <DialogContent>
          <ChannelFormFields
            state={state}
            onChange={setState}
            channel={channel}
            types={types}
          />
          {error && <Alert severity="error">{error.message}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving}
          >
            {channel ? 'Save' : 'Create'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
