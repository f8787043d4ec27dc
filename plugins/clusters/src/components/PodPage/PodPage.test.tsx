import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  diagnosis,
  fakeClustersApi,
} from '../../__testUtils__/fakeClustersApi';
import { crashLoopPodDetails } from '../../__testUtils__/podDetails';
import { renderClusters } from '../../__testUtils__/renderClusters';

// Its own file: usePermission caches decisions per module registry.
describe('PodPage', () => {
  it('shows the CrashLoopBackOff diagnosis and names the permission a denied Delete needs', async () => {
    const api = fakeClustersApi({
      getPodDetails: async () => crashLoopPodDetails(),
      getObject: async () => ({
        kind: 'Deployment',
        metadata: { name: 'worker' },
        spec: { replicas: 2 },
      }),
      listDiagnoses: async () => [
        diagnosis(),
        diagnosis({ id: 'd9', name: 'another-pod', title: 'Not this one' }),
      ],
    });

    await renderClusters(
      api,
      '/clusters/demo/namespaces/team-a/pods/worker-7d9f',
      {
        deny: ['kubedeck.clusters.resource.delete'],
      },
    );

    const diagnoses = await screen.findByRole(
      'table',
      { name: 'Diagnoses' },
      { timeout: 5000 },
    );
    expect(within(diagnoses).getByText('CrashLoopBackOff')).toBeInTheDocument();
    expect(
      within(diagnoses).getByText(
        'Container main keeps crashing (exit code 1)',
      ),
    ).toBeInTheDocument();
    expect(
      within(diagnoses).getByText(/Check the DATABASE_URL setting/),
    ).toBeInTheDocument();
    expect(
      within(diagnoses).getByText('panic: cannot connect to database'),
    ).toBeInTheDocument();
    expect(api.listDiagnoses).toHaveBeenCalledWith({
      cluster: 'demo',
      namespace: 'team-a',
      state: 'all',
    });
    expect(screen.queryByText('Not this one')).not.toBeInTheDocument();
    expect(screen.getByText('Error, exit code 1')).toBeInTheDocument();
    expect(
      screen.getByText('DB_PASSWORD=******** (secret db/password, masked)'),
    ).toBeInTheDocument();

    const deleteButton = await screen.findByRole('button', {
      name: /Delete pod/,
    });
    expect(deleteButton).toBeDisabled();
    const gate = deleteButton.closest('[data-missing-permission]')!;
    expect(gate).toHaveAttribute(
      'data-missing-permission',
      'kubedeck.clusters.resource.delete',
    );
    await userEvent.hover(gate);
    expect(
      await screen.findByText(
        'Missing permission kubedeck.clusters.resource.delete',
      ),
    ).toBeInTheDocument();

    const scale = screen.getByRole('button', { name: /Scale deployment/ });
    expect(scale).toBeEnabled();
    await userEvent.click(scale);
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Scale Deployment worker in team-a'),
    ).toBeInTheDocument();
    const replicas = within(dialog).getByLabelText('Replicas');
    expect(replicas).toHaveValue(2);
    await userEvent.clear(replicas);
    await userEvent.type(replicas, '3');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Scale' }),
    );
    expect(api.scaleObject).toHaveBeenCalledWith(
      {
        cluster: 'demo',
        namespace: 'team-a',
        name: 'worker',
        type: { group: 'apps', version: 'v1', resource: 'deployments' },
      },
      3,
    );
  }, 30_000);
});
