import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  diagnosis,
  fakeClustersApi,
} from '../../__testUtils__/fakeClustersApi';
import { renderClusters } from '../../__testUtils__/renderClusters';

describe('DiagnosesPage', () => {
  it('lists diagnoses across clusters with evidence and fix, and shows resolved ones on request', async () => {
    const api = fakeClustersApi({
      listDiagnoses: async query =>
        query?.state === 'resolved'
          ? [
              diagnosis({
                id: 'r',
                name: 'old-pod',
                resolvedAt: '2026-11-26T12:30:00Z',
              }),
            ]
          : [
              diagnosis(),
              diagnosis({
                id: 'n',
                cluster: 'prod',
                kind: 'Node',
                namespace: undefined,
                name: 'node-2',
                type: 'NodeNotReady',
                title: 'Node node-2 is not ready',
                evidence: ['Ready=Unknown (NodeStatusUnknown)'],
                fix: "Check the node's kubelet.",
              }),
            ],
    });

    await renderClusters(api, '/clusters/diagnoses');

    const table = await screen.findByRole(
      'table',
      { name: 'Diagnoses' },
      { timeout: 5000 },
    );
    expect(
      within(table).getByText('Node node-2 is not ready'),
    ).toBeInTheDocument();
    expect(
      within(table).getByText('Ready=Unknown (NodeStatusUnknown)'),
    ).toBeInTheDocument();
    expect(
      within(table).getByText("Check the node's kubelet."),
    ).toBeInTheDocument();
    expect(within(table).getByText('prod')).toBeInTheDocument();
    expect(
      within(table).getByRole('link', { name: 'worker-7d9f' }),
    ).toHaveAttribute(
      'href',
      '/clusters/demo/namespaces/team-a/pods/worker-7d9f',
    );
    expect(within(table).getAllByText('Open')).toHaveLength(2);

    await userEvent.click(screen.getByLabelText('State'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Resolved' }),
    );
    expect(await screen.findByText('old-pod')).toBeInTheDocument();
    expect(api.listDiagnoses).toHaveBeenLastCalledWith({
      state: 'resolved',
      cluster: undefined,
    });
  }, 30_000);
});
