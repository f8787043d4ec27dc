import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  DiagnosisEvent,
  DiagnosisEventsService,
} from '@kubedeck/plugin-clusters-node';
import {
  MessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import { PortalLinks } from '../events';
import { diagnosisToEvent } from './diagnosisEvents';

/** Turns the clusters plugin's diagnosis events into Kubedeck events on the broker. */
export class DiagnosisProducer {
  constructor(
    private readonly options: {
      broker: MessageBroker;
      links: PortalLinks;
      logger: LoggerService;
    },
  ) {}

  /** Subscribes; returns the function that unsubscribes. */
  start(diagnosisEvents: DiagnosisEventsService): () => void {
    return diagnosisEvents.subscribe(event => this.handle(event));
  }

  async handle(event: DiagnosisEvent): Promise<void> {
    const { broker, links, logger } = this.options;
    const { diagnosis } = event;
    try {
      await publishKubedeckEvent(broker, diagnosisToEvent(event, links));
    } catch (error) {
      logger.warn(
        `Could not publish ${event.type} ${diagnosis.type} of ${diagnosis.kind} ${diagnosis.name} on ${diagnosis.cluster}: ${error}`,
      );
    }
  }
}
