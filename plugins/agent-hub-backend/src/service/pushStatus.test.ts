import {
  mockErrorHandler,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { EventsService } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AGENT_LIFECYCLE_TOPIC,
  AgentLifecycleEvent,
} from '@kubedeck/plugin-agent-hub-common';
import { readKubeJson, sendKubeRequest } from '@kubedeck/plugin-clusters-node';
import express from 'express';
import request from 'supertest';
import { readAgentHubConfig } from '../config';
import { KnexAgentHubStore } from '../database/KnexAgentHubStore';
import type { AgentConnection } from '../tunnel/AgentConnection';
import { AgentTunnels, readReplicaSettings } from '../tunnel/AgentTunnels';
import { AgentLifecycle } from './AgentLifecycle';
import { AgentService } from './AgentService';
import { createRouter } from './router';
import { TokenService } from './TokenService';

jest.setTimeout(60_000);

const START = Date.parse('2026-11-26T12:00:00.000Z');
const OFFLINE_AFTER_SECONDS = 120;

describe('a push-only agent', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const tunnelsToClose: AgentTunnels[] = [];

  afterEach(async () => {
    await Promise.all(tunnelsToClose.splice(0).map(t => t.close()));
  });

  /** The hub's routes, agents and lifecycle over a real store, on a clock the test moves. */
  async function startHub(databaseId: TestDatabaseId, requestsPerMinute = 60) {
    const knex = await databases.init(databaseId);
    const store = await KnexAgentHubStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const clock = { now: START };
    const now = () => clock.now;
    const announced: AgentLifecycleEvent[] = [];
    const events: EventsService = {
      publish: async ({ topic, eventPayload }) => {
        if (topic === AGENT_LIFECYCLE_TOPIC) {
          announced.push(eventPayload as AgentLifecycleEvent);
        }
      },
      subscribe: async () => {},
    };
    const config = readAgentHubConfig(
      new ConfigReader({
        backend: { baseUrl: 'http://localhost:7007' },
        kubedeck: {
          agentHub: {
            grpc: { insecure: true },
            offlineAfterSeconds: OFFLINE_AFTER_SECONDS,
            report: { requestsPerMinute },
          },
        },
      }),
    );
    const tunnels = await AgentTunnels.create(
      readReplicaSettings(mockServices.rootConfig()),
    );
    tunnelsToClose.push(tunnels);
    const logger = mockServices.logger.mock();
    const lifecycle = new AgentLifecycle({
      store,
      events,
      logger,
      offlineAfterSeconds: config.offlineAfterSeconds,
      heldHere: () => tunnels.connectedAgentIds(),
      now,
    });
    const agents = new AgentService({
      store,
      tunnels,
      logger,
      lifecycle,
      heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
      offlineAfterSeconds: config.offlineAfterSeconds,
      now,
    });
    tunnels.connect({
      owners: clusterName => agents.ownerOf(clusterName),
      unavailable: clusterName => agents.unavailableReason(clusterName),
      refresh: () => agents.refreshClusters(),
      openFailures: clusterName => agents.openFailures(clusterName),
    });
    const tokens = new TokenService(store, now);
    const { token } = await tokens.create({
      clusterName: 'pushy',
      preset: 'read-only',
      expiresInHours: 1,
      createdBy: 'user:default/admin',
    });
    const { agent, credential } = await tokens.redeem({ token });
    await agents.registered(agent);

    const app = express()
      .use(
        createRouter({
          httpAuth: mockServices.httpAuth(),
          permissions: mockServices.permissions({
            result: AuthorizeResult.ALLOW,
          }),
          auditor: mockServices.auditor.mock(),
          tokens,
          agents,
          config,
        }),
      )
      .use(mockErrorHandler());
    const report = (body: object, key = credential) =>
      request(app).post('/v1/report').set('X-API-Key', key).send(body);
    const listed = async () =>
      (await request(app).get('/v1/agents').expect(200)).body.items[0];
    /** What the clusters plugin's probe of the agent's cluster reads. */
    const probe = () => {
      const cluster = tunnels
        .clusterDefinitions()
        .find(c => c.name === 'pushy')!;
      return sendKubeRequest(cluster.kubeConfig, { path: '/version' }).then(
        readKubeJson,
      );
    };
    return {
      app,
      agent,
      clock,
      lifecycle,
      tunnels,
      announced,
      report,
      listed,
      probe,
    };
  }

  it.each(databases.eachSupportedId())(
    'lists as pushing with its last report, and offline once reports stop for the grace, on %p',
    async databaseId => {
      const hub = await startHub(databaseId);
      expect(await hub.listed()).toMatchObject({ status: 'offline' });
      expect((await hub.listed()).lastReportAt).toBeUndefined();

      await hub.report({ failures: [] }).expect(202);
      const pushing = {
        status: 'pushing',
        lastReportAt: '2026-11-26T12:00:00.000Z',
      };
      expect(await hub.listed()).toMatchObject(pushing);
      const one = await request(hub.app)
        .get(`/v1/agents/${hub.agent.id}`)
        .expect(200);
      expect(one.body).toMatchObject(pushing);

      hub.clock.now += OFFLINE_AFTER_SECONDS * 1000;
      expect(await hub.listed()).toMatchObject(pushing);
      hub.clock.now += 1_000;
      expect(await hub.listed()).toMatchObject({
        status: 'offline',
        lastReportAt: '2026-11-26T12:00:00.000Z',
      });

      await hub.report({ failures: [] }).expect(202);
      expect(await hub.listed()).toMatchObject({
        status: 'pushing',
        lastReportAt: '2026-11-26T12:02:01.000Z',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'records no report refused for its key, its body or its rate, on %p',
    async databaseId => {
      // The malformed report counts towards the limit of two a minute.
      const hub = await startHub(databaseId, 2);
      await hub.report({ failures: [] }, 'kda_wrong').expect(401);
      await hub.report({ failures: [{ reason: 'OOMKilled' }] }).expect(400);
      expect(await hub.listed()).toMatchObject({ status: 'offline' });
      expect((await hub.listed()).lastReportAt).toBeUndefined();

      await hub.report({ failures: [] }).expect(202);
      hub.clock.now += 30_000;
      await hub.report({ failures: [] }).expect(429);
      expect((await hub.listed()).lastReportAt).toBe(
        '2026-11-26T12:00:00.000Z',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'stays connected while it holds a stream, on %p',
    async databaseId => {
      const hub = await startHub(databaseId);
      await hub.report({ failures: [] }).expect(202);
      const stream = {
        agentId: hub.agent.id,
        closed: false,
        connectedAt: hub.clock.now,
        close: () => {},
      };
      hub.tunnels.attach(stream as unknown as AgentConnection);
      expect(await hub.listed()).toMatchObject({ status: 'connected' });
    },
  );

  it.each(databases.eachSupportedId())(
    'is announced offline once when its reports stop, and online when they resume, on %p',
    async databaseId => {
      const hub = await startHub(databaseId);
      const types = () => hub.announced.map(e => e.type);
      await hub.report({ failures: [] }).expect(202);
      for (let i = 0; i < 4; i++) {
        hub.clock.now += 60_000;
        await hub.report({ failures: [] }).expect(202);
        await hub.lifecycle.checkOffline();
      }
      expect(types()).toEqual(['agent.registered']);

      hub.clock.now += OFFLINE_AFTER_SECONDS * 1000 + 1_000;
      await hub.lifecycle.checkOffline();
      await hub.lifecycle.checkOffline();
      expect(types()).toEqual(['agent.registered', 'agent.offline']);
      expect(hub.announced[1]).toMatchObject({
        cluster: 'pushy',
        lastReport: '2026-11-26T12:04:00.000Z',
      });

      await hub.report({ failures: [] }).expect(202);
      expect(types()).toEqual([
        'agent.registered',
        'agent.offline',
        'agent.online',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells the clusters plugin its cluster is push-only, with the last report, on %p',
    async databaseId => {
      const hub = await startHub(databaseId);
      await expect(hub.probe()).rejects.toThrow(
        'The cluster answered 503: the agent of cluster pushy is not connected',
      );

      await hub.report({ failures: [] }).expect(202);
      await expect(hub.probe()).rejects.toThrow(
        'The cluster answered 503: the agent of cluster pushy is push-only, last report ' +
          "2026-11-26T12:00:00.000Z: it reports failures but has no stream to serve the cluster's API",
      );
    },
  );
});
