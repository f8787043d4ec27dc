import { mockServices } from '@backstage/backend-test-utils';
import { PortalLinks } from '../events';
import { recordingBroker } from '../__testUtils__/events';
import { startSimCluster } from '../__testUtils__/simCluster';
import { RbacWatchProducer } from './RbacWatchProducer';

jest.setTimeout(60_000);

describe('RbacWatchProducer', () => {
  it('announces RBAC changes on alerts.security, never the initial list', async () => {
    const cluster = await startSimCluster();
    const { broker, events, next } = await recordingBroker();
    const logger = mockServices.logger.mock();
    let failedWatches = 0;
    const allFailed = new Promise<void>(resolve =>
      logger.warn.mockImplementation(() => {
        if (++failedWatches === 4) resolve();
      }),
    );
    const producer = new RbacWatchProducer({
      access: cluster.access,
      broker,
      links: new PortalLinks('http://localhost:3000'),
      logger,
    });
    try {
      await producer.sync(['sim']);

      await cluster.kube(
        '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
        'POST',
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: 'mallory-admin' },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'cluster-admin',
          },
          subjects: [
            {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'User',
              name: 'mallory',
            },
          ],
        },
      );
      const created = await next(e => e.object?.name === 'mallory-admin');
      expect(created).toMatchObject({
        topic: 'alerts.security',
        category: 'alerts.security',
        severity: 'high',
        cluster: 'sim',
        object: { kind: 'ClusterRoleBinding', name: 'mallory-admin' },
        fingerprint: 'sim/-/ClusterRoleBinding/mallory-admin/RbacChanged',
        link: 'http://localhost:3000/clusters/sim',
        description: 'Grants ClusterRole cluster-admin to User mallory',
      });
      expect(created.title).toContain('created');
      // The demo scenario's roles and bindings were listed before; none was announced.
      expect(events).toHaveLength(1);

      await cluster.kube(
        '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/mallory-admin',
        'DELETE',
      );
      const deleted = await next(e => e.title.includes('deleted'));
      expect(deleted.fingerprint).toBe(created.fingerprint);
      expect(events).toHaveLength(2);

      // Dropped watches resume on the next sync from their last resourceVersion: a change
      // made meanwhile is announced, nothing is announced twice.
      await cluster.kube('/kube-sim/chaos/drop-watches', 'POST');
      await allFailed;
      await cluster.kube(
        '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings',
        'POST',
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'ci-edit', namespace: 'default' },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'edit',
          },
          subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'ci' }],
        },
      );
      await producer.sync(['sim']);
      expect(await next(e => e.object?.name === 'ci-edit')).toMatchObject({
        severity: 'medium',
        namespace: 'default',
        fingerprint: 'sim/default/RoleBinding/ci-edit/RbacChanged',
        description: 'Grants ClusterRole edit to ServiceAccount ci/ci',
      });
      expect(events).toHaveLength(3);
    } finally {
      await producer.stop();
      await cluster.close();
    }
  });
});
