import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clustersApiRef, LogHandlers } from '../../api';
import { fakeClustersApi } from '../../__testUtils__/fakeClustersApi';
import { LogsViewer } from './LogsViewer';

const line = (text: string) => ({
  time: '2026-11-26T12:00:00.000000000Z',
  line: text,
});

describe('LogsViewer', () => {
  it('renders streamed lines, shows a dropped connection and carries on after it resumes', async () => {
    let handlers: LogHandlers | undefined;
    const api = fakeClustersApi({
      streamLogs: (_target, _options, h) => {
        handlers = h;
        return () => {};
      },
    });
    await renderInTestApp(
      <LogsViewer
        target={{ cluster: 'demo', namespace: 'team-a', pod: 'api-1' }}
        containers={['api', 'sidecar']}
        name="api-1"
      />,
      { apis: [[clustersApiRef, api], mockApis.permission()] },
    );

    expect(api.streamLogs).toHaveBeenCalledWith(
      { cluster: 'demo', namespace: 'team-a', pod: 'api-1' },
      expect.objectContaining({
        container: 'api',
        follow: true,
        previous: false,
      }),
      expect.anything(),
    );
    await act(async () => {
      handlers!.onState!({ state: 'open' });
      handlers!.onLine(line('starting api'), 'a_1');
      handlers!.onLine(line('listening on :8080'), 'a_2');
    });
    expect(await screen.findByText('starting api')).toBeInTheDocument();
    expect(screen.getByText('listening on :8080')).toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();

    await act(async () =>
      handlers!.onState!({
        state: 'reconnecting',
        attempt: 1,
        error: 'network error',
      }),
    );
    expect(screen.getByText('Reconnecting…')).toBeInTheDocument();

    await act(async () => {
      handlers!.onState!({ state: 'open' });
      handlers!.onLine(line('GET /orders 200'), 'a_3');
    });
    expect(await screen.findByText('GET /orders 200')).toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();
    expect(screen.getByText('3 lines')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Search log lines'), 'orders');
    expect(screen.queryByText('starting api')).not.toBeInTheDocument();
    expect(screen.getByText('orders')).toBeInTheDocument();
  });

  it('holds lines back while paused and shows them on resume', async () => {
    let handlers: LogHandlers | undefined;
    const api = fakeClustersApi({
      streamLogs: (_target, _options, h) => {
        handlers = h;
        return () => {};
      },
    });
    await renderInTestApp(
      <LogsViewer
        target={{ cluster: 'demo', namespace: 'team-a', pod: 'api-1' }}
        name="api-1"
      />,
      { apis: [[clustersApiRef, api], mockApis.permission()] },
    );

    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await act(async () => handlers!.onLine(line('while paused'), 'b_1'));
    expect(screen.queryByText('while paused')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Resume (1 new)' }),
    );
    expect(await screen.findByText('while paused')).toBeInTheDocument();
  });

  it("reads the previous container's log and downloads what is shown", async () => {
    let handlers: LogHandlers | undefined;
    const api = fakeClustersApi({
      streamLogs: (_target, _options, h) => {
        handlers = h;
        return () => {};
      },
    });
    const saved: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:log';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderInTestApp(
      <LogsViewer
        target={{ cluster: 'demo', namespace: 'team-a', pod: 'api-1' }}
        containers={['api']}
        name="api-1"
      />,
      { apis: [[clustersApiRef, api], mockApis.permission()] },
    );

    await userEvent.click(screen.getByLabelText('Previous container'));
    expect(api.streamLogs).toHaveBeenLastCalledWith(
      { cluster: 'demo', namespace: 'team-a', pod: 'api-1' },
      expect.objectContaining({ previous: true, follow: false }),
      expect.anything(),
    );
    await act(async () => {
      handlers!.onLine(line('panic: cannot connect to database'), 'p_1');
      handlers!.onState!({ state: 'ended' });
    });
    expect(
      await screen.findByText('1 line from the previous container'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(click).toHaveBeenCalled();
    expect(await saved[0].text()).toBe('panic: cannot connect to database');
    click.mockRestore();
  });
});
