import { screen } from '@testing-library/react';
import { cluster, fakeClustersApi } from '../../__testUtils__/fakeClustersApi';
import { renderClusters } from '../../__testUtils__/renderClusters';

describe('ClustersOverview', () => {
  it("shows each cluster's status, and an unreachable cluster's error", async () => {
    const api = fakeClustersApi({
      listClusters: async () => [
        cluster(),
        cluster({
          name: 'prod-eu',
          title: 'Production EU',
          connectionType: 'agent',
          status: {
            reachable: false,
            lastError: 'ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443',
          },
          version: undefined,
          nodeCount: undefined,
          podCount: undefined,
        }),
      ],
      listHealth: async () => [
        { cluster: 'demo', critical: 1, warning: 1, byType: {} },
      ],
    });

    await renderClusters(api, '/clusters');

    expect(
      await screen.findByText('Production EU', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Unreachable')).toBeInTheDocument();
    expect(
      screen.getByText('ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443'),
    ).toBeInTheDocument();
    expect(screen.getByText('Connected')).toBeInTheDocument();
    expect(screen.getByText('v1.32.0')).toBeInTheDocument();
    expect(screen.getByText('agent')).toBeInTheDocument();
    expect(screen.getByText('1 critical')).toBeInTheDocument();
    expect(screen.getByText('1 warning')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Demo cluster (kube-sim)' }),
    ).toHaveAttribute('href', '/clusters/demo');
    expect(
      screen.getByRole('link', {
        name: 'Diagnoses of Demo cluster (kube-sim)',
      }),
    ).toHaveAttribute('href', '/clusters/diagnoses?cluster=demo');
  }, 30_000);

  it('leads to adding a cluster through the agent hub', async () => {
    await renderClusters(fakeClustersApi(), '/clusters');
    expect(
      await screen.findByRole(
        'button',
        { name: 'Add cluster' },
        { timeout: 5000 },
      ),
    ).toHaveAttribute('href', '/agents?add=cluster');
  }, 30_000);
});
