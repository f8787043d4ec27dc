import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { NotificationChannel } from '@kubedeck/plugin-notifications-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ChannelTestResult, kubedeckNotificationsApiRef } from '../../api';
import { ChannelDialog } from './ChannelDialog';
import { DeleteChannelDialog } from './DeleteChannelDialog';
import {
  ChannelFormState,
  toCreateRequest,
  toUpdateRequest,
} from './channelForm';
import { ChannelsTable } from './ChannelsTable';

type Notice =
  | { kind: 'test'; channel: string; result: ChannelTestResult }
  | { kind: 'error'; message: string };

function testNotice(channel: string, result: ChannelTestResult) {
  const attempts = `${result.attempts} attempt${
    result.attempts === 1 ? '' : 's'
  }`;
  if (result.status === 'delivered') {
    return (
      <Alert severity="success">
        Test message through {channel} delivered ({attempts}).
      </Alert>
    );
  }
  return (
    <Alert severity={result.status === 'failed' ? 'error' : 'warning'}>
      Test message through {channel}: {result.status} ({attempts})
      {result.error ? ` — ${result.error}` : ''}
    </Alert>
  );
}

/** The channels list with create, edit, enable/disable and test. */
export function ChannelsAdmin() {
  const api = useApi(kubedeckNotificationsApiRef);
  const loaded = useAsyncRetry(
    async () => ({
      channels: await api.listChannels(),
      types: await api.getChannelTypes(),
    }),
    [api],
  );
  const [dialog, setDialog] = useState<{ channel?: NotificationChannel }>();
  const [deleting, setDeleting] = useState<NotificationChannel>();
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<Notice>();

  const act = async (
    channel: NotificationChannel,
    action: () => Promise<void>,
  ) => {
    setBusy(channel.id);
    setNotice(undefined);
    try {
      await action();
    } catch (error) {
      setNotice({ kind: 'error', message: (error as Error).message });
    } finally {
      setBusy(undefined);
    }
  };
  const toggle = (channel: NotificationChannel) =>
    act(channel, async () => {
      await api.setChannelEnabled(channel.id, !channel.enabled);
      loaded.retry();
    });
  const test = (channel: NotificationChannel) =>
    act(channel, async () => {
      const result = await api.testChannel(channel.id);
      setNotice({ kind: 'test', channel: channel.name, result });
    });
  const remove = async (channel: NotificationChannel) => {
    await api.deleteChannel(channel.id);
    setDeleting(undefined);
    loaded.retry();
  };
  const save = async (state: ChannelFormState) => {
    if (dialog?.channel) {
      await api.updateChannel(dialog.channel.id, toUpdateRequest(state));
    } else {
      await api.createChannel(toCreateRequest(state));
    }
    setDialog(undefined);
    loaded.retry();
  };

  if (loaded.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the notification channels"
        error={loaded.error}
      />
    );
  }
  if (!loaded.value) {
    return <Progress />;
  }
  return (
    <InfoCard
      title="Notification channels"
      subheader="Where alerts go besides the inbox. Secrets are write-only: once saved they are never shown again."
      action={
        <Button
          color="primary"
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setDialog({})}
        >
          New channel
        </Button>
      }
    >
      {notice && (
        <Box mb={2} role="status">
          {notice.kind === 'test' ? (
            testNotice(notice.channel, notice.result)
          ) : (
            <Alert severity="error">{notice.message}</Alert>
          )}
        </Box>
      )}
      <ChannelsTable
        channels={loaded.value.channels}
        types={loaded.value.types}
        busy={busy}
        onEdit={channel => setDialog({ channel })}
        onToggle={toggle}
        onTest={test}
        onDelete={setDeleting}
      />
      {dialog && (
        <ChannelDialog
          channel={dialog.channel}
          types={loaded.value.types}
          onClose={() => setDialog(undefined)}
          onSave={save}
        />
      )}
      {deleting && (
        <DeleteChannelDialog
          channel={deleting}
          onClose={() => setDeleting(undefined)}
          onDelete={() => remove(deleting)}
        />
      )}
    </InfoCard>
  );
}
