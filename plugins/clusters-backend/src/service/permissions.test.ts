import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startKubeSimBackend } from '../__testUtils__/kubeSimBackend';
import { openSse } from '../__testUtils__/sseClient';

jest.setTimeout(60_000);

const V1 = '/api/clusters/v1';
const NS = `${V1}/clusters/demo/namespaces/team-a`;

type Call = {
  what: string;
  permission: string;
  send: (agent: any) => any;
  sse?: string;
};

const calls: Call[] = [
  {
    what: 'list clusters',
    permission: 'kubedeck.clusters.read',
    send: a => a.get(`${V1}/clusters`),
  },
  {
    what: 'one cluster',
    permission: 'kubedeck.clusters.read',
    send: a => a.get(`${V1}/clusters/demo`),
  },
  {
    what: 'resources',
    permission: 'kubedeck.clusters.read',
    send: a => a.get(`${V1}/clusters/demo/resources`),
  },
  {
    what: 'list',
    permission: 'kubedeck.clusters.resource.read',
    send: a => a.get(`${NS}/core/v1/configmaps`),
  },
  {
    what: 'list all namespaces',
    permission: 'kubedeck.clusters.resource.read',
    send: a => a.get(`${V1}/clusters/demo/core/v1/configmaps`),
  },
  {
    what: 'get',
    permission: 'kubedeck.clusters.resource.read',
    send: a => a.get(`${NS}/core/v1/configmaps/web-config`),
  },
  {
    what: 'events',
    permission: 'kubedeck.clusters.resource.read',
    send: a => a.get(`${NS}/core/v1/configmaps/web-config/events`),
  },
  {
    what: 'pod details',
    permission: 'kubedeck.clusters.resource.read',
    send: a => a.get(`${NS}/pods/any/details`),
  },
  {
    what: 'pod metrics',
    permission: 'kubedeck.clusters.resource.read',
    send: a => a.get(`${NS}/metrics/pods`),
  },
  {
    what: 'node metrics',
    permission: 'kubedeck.clusters.resource.read',
    send: a => a.get(`${V1}/clusters/demo/metrics/nodes`),
  },
  {
    what: 'create',
    permission: 'kubedeck.clusters.resource.create',
    send: a =>
      a.post(`${NS}/core/v1/configmaps`).send({ metadata: { name: 'x' } }),
  },
  {
    what: 'apply',
    permission: 'kubedeck.clusters.resource.create',
    send: a =>
      a.post(`${V1}/clusters/demo/apply`).send({
        manifest: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'x', namespace: 'team-a' },
        },
      }),
  },
  {
    what: 'patch',
    permission: 'kubedeck.clusters.resource.update',
    send: a =>
      a.patch(`${NS}/core/v1/configmaps/web-config`).send({ patch: {} }),
  },
  {
    what: 'scale',
    permission: 'kubedeck.clusters.resource.update',
    send: a =>
      a.post(`${NS}/apps/v1/deployments/web/scale`).send({ replicas: 1 }),
  },
  {
    what: 'restart',
    permission: 'kubedeck.clusters.resource.update',
    send: a => a.post(`${NS}/apps/v1/deployments/web/restart`),
  },
  {
    what: 'delete',
    permission: 'kubedeck.clusters.resource.delete',
    send: a => a.delete(`${NS}/core/v1/configmaps/web-config`),
  },
  {
    what: 'pod logs',
    permission: 'kubedeck.clusters.logs.read',
    send: a => a.get(`${NS}/pods/any/logs`),
  },
  {
    what: 'workload logs',
    permission: 'kubedeck.clusters.logs.read',
    send: a => a.get(`${NS}/deployments/web/logs`),
  },
  {
    what: 'selector logs',
    permission: 'kubedeck.clusters.logs.read',
    send: a => a.get(`${NS}/logs?labelSelector=app%3Dweb`),
  },
  {
    what: 'watch',
    permission: 'kubedeck.clusters.resource.read',
    send: a =>
      a.get(
        `${V1}/clusters/demo/watch?resource=v1/configmaps&namespace=team-a`,
      ),
  },
  {
    what: 'diagnoses',
    permission: 'kubedeck.clusters.read',
    send: a => a.get(`${V1}/diagnoses`),
  },
  {
    what: 'diagnoses of one cluster',
    permission: 'kubedeck.clusters.read',
    send: a => a.get(`${V1}/diagnoses?cluster=demo&namespace=team-a`),
  },
  {
    what: 'health',
    permission: 'kubedeck.clusters.read',
    send: a => a.get(`${V1}/clusters/demo/health`),
  },
  {
    what: 'health of every cluster',
    permission: 'kubedeck.clusters.read',
    send: a => a.get(`${V1}/health`),
  },
  {
    what: 'delete a cluster-scoped object',
    permission: 'kubedeck.clusters.resource.delete',
    send: a => a.delete(`${V1}/clusters/demo/core/v1/namespaces/team-b`),
  },
];

describe('every route refuses without its permission', () => {
  let env: Awaited<ReturnType<typeof startKubeSimBackend>>;

  beforeAll(async () => {
    env = await startKubeSimBackend();
  });
  afterAll(() => env.close());
  beforeEach(() => {
    env.state.audits.length = 0;
  });

  it.each(calls.map(c => [c.what, c] as const))('%s', async (_what, call) => {
    env.state.policy = name => ({
      result:
        name === call.permission ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    });
    const res = await call.send(request(env.server));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `Missing permission ${call.permission}`,
    );
    expect(env.state.audits).toHaveLength(0);
  });

  it('never opens a watch stream without the permission', async () => {
    env.state.policy = name => ({
      result:
        name === 'kubedeck.clusters.resource.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const result = await openSse(
      env.server,
      `${V1}/clusters/demo/watch?resource=v1/pods`,
      {},
      () => false,
    );
    expect(result.status).toBe(403);
  });
});
