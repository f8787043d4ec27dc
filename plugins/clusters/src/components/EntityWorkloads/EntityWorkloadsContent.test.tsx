import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { clustersApiRef } from '../../api';
import {
  cluster,
  crashLoopStatus,
  diagnosis,
  fakeClustersApi,
  pod,
} from '../../__testUtils__/fakeClustersApi';
import { rootRouteRef } from '../../routes';
import { EntityWorkloadsContent } from './EntityWorkloadsContent';
import { isKubernetesEntity } from './entityWorkloadSelector';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'worker',
    annotations: { 'backstage.io/kubernetes-id': 'worker' },
  },
  spec: {},
};

describe('EntityWorkloadsContent', () => {
  it("shows the entity's workloads in every cluster with live status and diagnoses", async () => {
    const api = fakeClustersApi({
      listClusters: async () => [
        cluster(),
        cluster({
          name: 'prod',
          title: 'Production',
          status: { reachable: false, lastError: 'connection refused' },
        }),
      ],
      listObjects: async ref => {
        if (ref.type.resource === 'deployments') {
          return {
            kind: 'Deployment',
            items: [
              {
                metadata: { name: 'worker', namespace: 'team-a' },
                spec: { replicas: 2 },
                status: { readyReplicas: 1 },
              },
            ],
          };
        }
        if (ref.type.resource === 'pods') {
          return { kind: 'Pod', items: [pod('worker-7d9f', crashLoopStatus)] };
        }
        return { kind: 'List', items: [] };
      },
      listDiagnoses: async () => [
        diagnosis(),
        diagnosis({ id: 'x', name: 'unrelated' }),
      ],
    });

    await renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityWorkloadsContent />
      </EntityProvider>,
      {
        apis: [[clustersApiRef, api], mockApis.permission()],
        mountedRoutes: { '/clusters': rootRouteRef },
      },
    );

    const table = await screen.findByRole(
      'table',
      { name: 'Workloads in demo' },
      { timeout: 5000 },
    );
    expect(within(table).getByText('Progressing')).toBeInTheDocument();
    expect(within(table).getByText('1/2')).toBeInTheDocument();
    expect(within(table).getByText('CrashLoopBackOff')).toBeInTheDocument();
    expect(
      within(table).getByRole('link', { name: 'worker-7d9f' }),
    ).toHaveAttribute(
      'href',
      '/clusters/demo/namespaces/team-a/pods/worker-7d9f',
    );
    expect(
      screen.getByText('Container main keeps crashing (exit code 1)'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Production is unreachable/)).toBeInTheDocument();
    expect(api.listObjects).toHaveBeenCalledWith(
      {
        cluster: 'demo',
        namespace: undefined,
        type: { group: 'apps', version: 'v1', resource: 'deployments' },
      },
      { labelSelector: 'backstage.io/kubernetes-id=worker', limit: 500 },
    );
  }, 30_000);

  it('applies only to entities that name their Kubernetes objects', () => {
    expect(isKubernetesEntity(entity)).toBe(true);
    expect(
      isKubernetesEntity({
        ...entity,
        metadata: {
          name: 'x',
          annotations: { 'backstage.io/kubernetes-label-selector': 'app=x' },
        },
      }),
    ).toBe(true);
    expect(isKubernetesEntity({ ...entity, metadata: { name: 'x' } })).toBe(
      false,
    );
  });
});
