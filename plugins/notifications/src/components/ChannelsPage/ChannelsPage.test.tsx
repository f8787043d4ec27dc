import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  channel,
  fakeNotificationsApi,
  SLACK_WEBHOOK_SECRET,
} from '../../__testUtils__/fakeNotificationsApi';
import { channelTypes } from '../../__testUtils__/channelTypes';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { ChannelsPage } from './ChannelsPage';

jest.setTimeout(30_000);

describe('ChannelsPage', () => {
  it('edits a channel without revealing or resending its secret', async () => {
    const api = fakeNotificationsApi();
    await renderWithApi(<ChannelsPage />, api);

    expect(await screen.findByText('webhookUrl configured')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));

    const dialog = await screen.findByRole('dialog');
    const secret = within(dialog).getByLabelText('Incoming webhook URL');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('type', 'password');
    expect(
      within(dialog).getByText('configured — leave blank to keep'),
    ).toBeVisible();

    await userEvent.clear(within(dialog).getByLabelText(/Name/));
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Oncall');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateChannel).toHaveBeenCalledWith('ch-slack', {
        name: 'Oncall',
        config: {},
        routing: { categories: ['alerts.critical', 'alerts.operations'] },
      }),
    );
    expect(document.body).not.toHaveTextContent(SLACK_WEBHOOK_SECRET);
  });

  it('sends a typed-in secret once and shows it nowhere afterwards', async () => {
    const api = fakeNotificationsApi();
    await renderWithApi(<ChannelsPage />, api);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Incoming webhook URL'),
      SLACK_WEBHOOK_SECRET,
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateChannel).toHaveBeenCalledWith(
        'ch-slack',
        expect.objectContaining({
          secrets: { webhookUrl: SLACK_WEBHOOK_SECRET },
        }),
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(document.body).not.toHaveTextContent(SLACK_WEBHOOK_SECRET);
  });

  it("renders a module's channel type from the fields the backend describes", async () => {
    const api = fakeNotificationsApi({
      getChannelTypes: jest.fn(async () => [
        ...channelTypes,
        {
          type: 'pager',
          title: 'Pager (module)',
          personal: false,
          fields: [
            {
              name: 'routingKey',
              label: 'Routing key',
              kind: 'text' as const,
              required: true,
              secret: true,
              help: 'From the service page',
            },
            {
              name: 'urgent',
              label: 'Page urgently',
              kind: 'boolean' as const,
              required: false,
              secret: false,
              defaultValue: true,
            },
          ],
        },
      ]),
    });
    await renderWithApi(<ChannelsPage />, api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New channel' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Pager');
    await userEvent.click(within(dialog).getByLabelText('Type'));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('Pager (module)'),
    );
    const key = within(dialog).getByLabelText(/Routing key/);
    expect(key).toHaveAttribute('type', 'password');
    expect(within(dialog).getByText('From the service page')).toBeVisible();
    expect(within(dialog).getByLabelText('Page urgently')).toBeChecked();
    await userEvent.type(key, 'R0UT1NG');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await waitFor(() =>
      expect(api.createChannel).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'pager',
          config: { urgent: true },
          secrets: { routingKey: 'R0UT1NG' },
        }),
      ),
    );
  });

  it('creates a channel with the fields of its type', async () => {
    const api = fakeNotificationsApi();
    await renderWithApi(<ChannelsPage />, api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New channel' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Ops chat');
    await userEvent.click(within(dialog).getByLabelText('Type'));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('Telegram (bot)'),
    );
    await userEvent.type(within(dialog).getByLabelText(/Chat id/), '-1001');
    await userEvent.type(
      within(dialog).getByLabelText(/Bot token/),
      '123456:ABC-DEF',
    );
    await userEvent.click(within(dialog).getByLabelText('Info'));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await waitFor(() =>
      expect(api.createChannel).toHaveBeenCalledWith({
        name: 'Ops chat',
        type: 'telegram',
        enabled: true,
        config: { chatId: '-1001' },
        secrets: { botToken: '123456:ABC-DEF' },
        routing: {
          categories: [
            'alerts.critical',
            'alerts.security',
            'alerts.operations',
          ],
        },
      }),
    );
  });

  it('shows what a test message did', async () => {
    const api = fakeNotificationsApi({
      testChannel: jest.fn(async () => ({
        status: 'failed' as const,
        attempts: 1,
        error: 'Slack answered 404: no_service',
      })),
    });
    await renderWithApi(<ChannelsPage />, api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Send test message through Ops Slack',
      }),
    );

    expect(
      await screen.findByText(
        'Test message through Ops Slack: failed (1 attempt) — Slack answered 404: no_service',
      ),
    ).toBeVisible();
    expect(api.testChannel).toHaveBeenCalledWith('ch-slack');
  });

  it('disables and enables a channel', async () => {
    const api = fakeNotificationsApi({
      listChannels: jest
        .fn()
        .mockResolvedValueOnce([channel()])
        .mockResolvedValue([channel({ enabled: false })]),
    });
    await renderWithApi(<ChannelsPage />, api);

    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Enable Ops Slack' }),
    );

    expect(api.setChannelEnabled).toHaveBeenCalledWith('ch-slack', false);
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', { name: 'Enable Ops Slack' }),
      ).not.toBeChecked(),
    );
    expect(
      screen.getByRole('button', {
        name: 'Send test message through Ops Slack',
      }),
    ).toBeDisabled();
  });

  it('deletes a channel after asking', async () => {
    const api = fakeNotificationsApi({
      listChannels: jest
        .fn()
        .mockResolvedValueOnce([channel()])
        .mockResolvedValue([]),
    });
    await renderWithApi(<ChannelsPage />, api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete Ops Slack' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Delete channel Ops Slack?')).toBeVisible();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );

    expect(api.deleteChannel).toHaveBeenCalledWith('ch-slack');
    expect(await screen.findByText(/^No channels yet/)).toBeVisible();
  });
});
