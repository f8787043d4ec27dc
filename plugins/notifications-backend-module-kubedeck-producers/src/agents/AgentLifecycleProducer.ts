import { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  AGENT_LIFECYCLE_TOPIC,
  AgentLifecycleEvent,
} from '@kubedeck/plugin-agent-hub-common';
import {
  MessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import { PortalLinks } from '../events';
import { agentLifecycleToEvent } from './agentEvents';

const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'agent.registered',
  'agent.offline',
  'agent.online',
  'agent.revoked',
]);

function isAgentLifecycleEvent(value: unknown): value is AgentLifecycleEvent {
  const event = value as Partial<AgentLifecycleEvent> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    KNOWN_TYPES.has(event.type ?? '') &&
    typeof event.agentId === 'string' &&
    event.agentId.length > 0 &&
    typeof event.cluster === 'string' &&
    event.cluster.length > 0 &&
    typeof event.at === 'string' &&
    !Number.isNaN(Date.parse(event.at))
  );
}

/**
 * Turns the agent hub's lifecycle events (Backstage events service) into Kubedeck events:
 * offline and back online on `alerts.operations`, a new agent on `alerts.info`.
 */
export class AgentLifecycleProducer {
  constructor(
    private readonly options: {
      broker: MessageBroker;
      links: PortalLinks;
      logger: LoggerService;
    },
  ) {}

  async start(events: EventsService): Promise<void> {
    await events.subscribe({
      id: 'kubedeck-producers-agent-lifecycle',
      topics: [AGENT_LIFECYCLE_TOPIC],
      onEvent: async ({ eventPayload }) => this.handle(eventPayload),
    });
  }

  async handle(payload: unknown): Promise<void> {
    const { broker, links, logger } = this.options;
    if (!isAgentLifecycleEvent(payload)) {
      logger.warn(`Ignoring a malformed event on ${AGENT_LIFECYCLE_TOPIC}`);
      return;
    }
    const event = agentLifecycleToEvent(payload, links);
    if (!event) return;
    try {
      await publishKubedeckEvent(broker, event);
    } catch (error) {
      logger.warn(
        `Could not publish ${payload.type} of agent ${payload.agentId} (${payload.cluster}): ${error}`,
      );
    }
  }
}
