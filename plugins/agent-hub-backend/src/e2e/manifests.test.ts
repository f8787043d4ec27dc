import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { rulesForPreset } from '@kubedeck/plugin-agent-hub-common';
import request from 'supertest';
import { ADMIN, freePort, startHub } from '../__testUtils__/hub';
import { startSim } from '../__testUtils__/sim';

jest.setTimeout(60_000);

const run = promisify(execFile);

describe('install manifests rendered by the hub', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: Awaited<ReturnType<typeof startSim>>;
  let hub: Awaited<ReturnType<typeof startHub>>;

  beforeAll(async () => {
    sim = await startSim();
    hub = await startHub({
      knex: await databases.init('SQLITE_3'),
      grpcPort: await freePort(),
    });
  });

  afterAll(async () => {
    await hub?.stop();
    await sim?.close();
  });

  it('are applied by the real kubectl from the hub URL and create the agent objects', async () => {
    const created = await request(hub.server)
      .post('/api/agent-hub/v1/tokens')
      .set('Authorization', mockCredentials.user.header(ADMIN))
      .send({ clusterName: 'applied', preset: 'operator' });
    expect(created.status).toBe(201);
    expect(created.body.install.helm).toContain('helm install kubedeck-agent');
    expect(created.body.install.helm).toContain(
      `registration.token=${created.body.token}`,
    );
    expect(created.body.install.kubectl).toMatch(
      /^kubectl apply -f '.*\/api\/agent-hub\/v1\/manifests\?token=/,
    );

    const { port } = hub.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/agent-hub/v1/manifests?token=${encodeURIComponent(
      created.body.token,
    )}`;
    const { stdout } = await run('kubectl', [
      '--kubeconfig',
      sim.kubeconfigPath,
      'apply',
      '-f',
      url,
    ]);
    expect(stdout).toContain('deployment.apps/kubedeck-agent created');

    const get = async (path: string) =>
      JSON.parse(
        (
          await run('kubectl', [
            '--kubeconfig',
            sim.kubeconfigPath,
            'get',
            '-o',
            'json',
            ...path.split(' '),
          ])
        ).stdout,
      );
    const role = await get('clusterrole kubedeck-agent');
    expect(role.rules).toEqual(rulesForPreset('operator'));
    const deployment = await get('deployment kubedeck-agent -n kubedeck-agent');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.resources.limits).toEqual({
      cpu: '500m',
      memory: '256Mi',
    });
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(
      true,
    );
    expect(container.env).toContainEqual({
      name: 'KUBEDECK_CLUSTER_NAME',
      value: 'applied',
    });
    const secret = await get(
      'secret kubedeck-agent-registration -n kubedeck-agent',
    );
    expect(Buffer.from(secret.data.token, 'base64').toString()).toBe(
      created.body.token,
    );
    const binding = await get('clusterrolebinding kubedeck-agent');
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: 'kubedeck-agent',
        namespace: 'kubedeck-agent',
      },
    ]);
  });

  it('are refused without a valid token', async () => {
    const res = await request(hub.server).get(
      '/api/agent-hub/v1/manifests?token=nope',
    );
    expect(res.status).toBe(401);
  });
});
