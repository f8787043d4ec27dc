import { kindOfResource } from './kinds';

const served = (group: string, resource: string, extra: object = {}) => ({
  group,
  version: 'v1',
  resource,
  kind: resource,
  namespaced: true,
  verbs: ['get', 'list', 'watch'],
  preferred: true,
  ...extra,
});

describe('kindOfResource', () => {
  it("offers the custom resources a cluster serves, in their preferred version, and not Kubernetes' own", () => {
    expect(
      kindOfResource(served('monitoring.coreos.com', 'prometheuses')),
    ).toMatchObject({
      id: 'prometheuses.monitoring.coreos.com',
      section: 'Custom resources',
      type: {
        group: 'monitoring.coreos.com',
        version: 'v1',
        resource: 'prometheuses',
      },
    });
    expect(
      kindOfResource(
        served('monitoring.coreos.com', 'prometheuses', { preferred: false }),
      ),
    ).toBeUndefined();
    expect(
      kindOfResource(served('example.com', 'reviews', { verbs: ['create'] })),
    ).toBeUndefined();
    expect(kindOfResource(served('apps', 'deployments'))).toBeUndefined();
    expect(kindOfResource(served('metrics.k8s.io', 'pods'))).toBeUndefined();
  });
});
