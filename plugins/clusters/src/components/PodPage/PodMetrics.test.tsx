import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { clustersApiRef } from '../../api';
import { fakeClustersApi } from '../../__testUtils__/fakeClustersApi';
import { PodMetrics } from './PodMetrics';

const containers: any[] = [
  {
    name: 'main',
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { memory: '256Mi' },
    },
  },
];

describe('PodMetrics', () => {
  it('says a cluster has no metrics API instead of showing zeros', async () => {
    const api = fakeClustersApi({
      getPodMetrics: async () => ({
        available: false,
        reason: 'metrics.k8s.io is not served by this cluster',
      }),
    });
    await renderInTestApp(
      <PodMetrics
        cluster="demo"
        namespace="team-a"
        pod="web-1"
        containers={containers}
      />,
      { apis: [[clustersApiRef, api]] },
    );

    expect(
      await screen.findByText(/This cluster has no metrics API/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('metrics.k8s.io is not served by this cluster'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText(/^0m$|^0 B$/)).not.toBeInTheDocument();
  });

  it("shows each container's usage against its requests and limits", async () => {
    const api = fakeClustersApi({
      getPodMetrics: async () => ({
        available: true,
        items: [
          {
            name: 'web-1',
            cpuMillicores: 42,
            memoryBytes: 64 * 1024 * 1024,
            containers: [
              {
                name: 'main',
                cpuMillicores: 42,
                memoryBytes: 64 * 1024 * 1024,
              },
            ],
          },
        ],
      }),
    });
    await renderInTestApp(
      <PodMetrics
        cluster="demo"
        namespace="team-a"
        pod="web-1"
        containers={containers}
      />,
      { apis: [[clustersApiRef, api]] },
    );

    const table = await screen.findByRole('table', {
      name: 'Container metrics',
    });
    const row = within(table).getByText('main').closest('tr')!;
    expect(within(row).getByText('42m')).toBeInTheDocument();
    expect(within(row).getByText('100m / —')).toBeInTheDocument();
    expect(within(row).getByText('128Mi / 256Mi')).toBeInTheDocument();
  });
});
