import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { InMemoryMessageBroker } from './InMemoryMessageBroker';
import { KafkaMessageBroker } from './KafkaMessageBroker';
import { readKafkaConfig } from './kafkaConfig';
import { MessageBroker } from './types';

/**
 * The message broker shared by every plugin of the backend: producers publish Kubedeck events,
 * the notifications plugin consumes them. In memory unless
 * `kubedeck.notifications.broker` is `kafka`.
 *
 * @public
 */
export const messageBrokerServiceRef = createServiceRef<MessageBroker>({
  id: 'kubedeck.notifications.broker',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      factory({ config, logger, lifecycle }) {
        const type =
          config.getOptionalString('kubedeck.notifications.broker') ?? 'memory';
        const brokerLogger = logger.child({ service: 'kubedeck-broker' });
        let broker: MessageBroker;
        if (type === 'kafka') {
          const { kafka, settings } = readKafkaConfig(config, brokerLogger);
          broker = KafkaMessageBroker.create({
            kafka,
            settings,
            logger: brokerLogger,
          });
        } else if (type === 'memory') {
          broker = new InMemoryMessageBroker({
            onHandlerError: (error, message) =>
              brokerLogger.warn(
                `Handler failed for a message on ${message.topic}, retrying: ${error}`,
              ),
          });
        } else {
          throw new Error(
            `kubedeck.notifications.broker must be 'memory' or 'kafka', not '${type}'`,
          );
        }
        lifecycle.addShutdownHook(() => broker.close());
        return broker;
      },
    }),
});
