import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  AGENT_LIFECYCLE_TOPIC,
  AgentLifecycleEvent,
} from '@kubedeck/plugin-agent-hub-common';
import { PortalLinks } from '../events';
import { recordingBroker } from '../__testUtils__/events';
import { AgentLifecycleProducer } from './AgentLifecycleProducer';

async function setup() {
  const recording = await recordingBroker();
  const logger = mockServices.logger.mock();
  const events = DefaultEventsService.create({ logger });
  await new AgentLifecycleProducer({
    broker: recording.broker,
    links: new PortalLinks('https://portal.example.com/'),
    logger,
  }).start(events);
  const publish = (payload: AgentLifecycleEvent | object) =>
    events.publish({ topic: AGENT_LIFECYCLE_TOPIC, eventPayload: payload });
  return { ...recording, publish, logger };
}

const lifecycle = (
  type: AgentLifecycleEvent['type'],
  at: string,
): AgentLifecycleEvent => ({
  type,
  agentId: 'agent-7',
  cluster: 'edge',
  at,
  lastHeartbeat: type === 'agent.offline' ? '2026-11-26T10:00:00Z' : undefined,
});

describe('AgentLifecycleProducer', () => {
  it('raises an operations alert when an agent goes offline and resolves it when it returns', async () => {
    const { publish, next, events } = await setup();

    await publish(lifecycle('agent.offline', '2026-11-26T10:01:00Z'));
    const offline = await next(e => !e.resolved);
    expect(offline).toMatchObject({
      topic: 'alerts.operations',
      severity: 'high',
      cluster: 'edge',
      object: { kind: 'Agent', name: 'agent-7' },
      title: 'Agent of cluster edge is offline',
      description: 'Last heartbeat: 2026-11-26T10:00:00Z',
      fingerprint: 'edge/-/Agent/agent-7/AgentOffline',
      link: 'https://portal.example.com/clusters/edge',
    });

    await publish(lifecycle('agent.online', '2026-11-26T10:05:00Z'));
    const online = await next(e => e.resolved === true);
    expect(online).toMatchObject({
      topic: 'alerts.operations',
      fingerprint: offline.fingerprint,
      link: 'https://portal.example.com/clusters/edge',
    });
    expect(online.id).not.toBe(offline.id);
    expect(events).toHaveLength(2);
  });

  it("names a push-only agent's last report when it goes offline", async () => {
    const { publish, next } = await setup();

    await publish({
      ...lifecycle('agent.offline', '2026-11-26T10:01:00Z'),
      lastHeartbeat: undefined,
      lastReport: '2026-11-26T09:58:00Z',
    });
    expect(await next(e => !e.resolved)).toMatchObject({
      title: 'Agent of cluster edge is offline',
      description: 'Last report: 2026-11-26T09:58:00Z',
    });
  });

  it('announces a newly registered agent as info', async () => {
    const { publish, next } = await setup();

    await publish(lifecycle('agent.registered', '2026-11-26T09:00:00Z'));

    expect(await next(() => true)).toMatchObject({
      topic: 'alerts.info',
      severity: 'info',
      title: 'Agent registered for cluster edge',
      fingerprint: 'edge/-/Agent/agent-7/AgentRegistered',
      link: 'https://portal.example.com/clusters/edge',
    });
  });

  it('publishes the same occurrence under the same id, so the router keeps one', async () => {
    const { publish, events } = await setup();
    const offline = lifecycle('agent.offline', '2026-11-26T10:01:00Z');

    await publish(offline);
    await publish(offline);

    expect(events).toHaveLength(2);
    expect(events[0].id).toBe(events[1].id);
  });

  it('ignores revocations and malformed payloads', async () => {
    const { publish, events, logger } = await setup();

    await publish(lifecycle('agent.revoked', '2026-11-26T10:01:00Z'));
    await publish({ type: 'agent.offline', cluster: 'edge' });

    expect(events).toHaveLength(0);
    expect(logger.warn).toHaveBeenCalledWith(
      `Ignoring a malformed event on ${AGENT_LIFECYCLE_TOPIC}`,
    );
  });
});
