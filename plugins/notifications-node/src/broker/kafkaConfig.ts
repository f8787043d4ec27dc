import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { KafkaConfig, logCreator, logLevel, SASLOptions } from 'kafkajs';

/** Settings of the Kafka broker beyond the kafkajs client. @public */
export interface KafkaBrokerSettings {
  /** Consumer groups are named `<groupIdPrefix>.<group>`. */
  groupIdPrefix: string;
  /** Where a new consumer group starts: the oldest retained message (default) or new ones. */
  fromBeginning: boolean;
}

function readSasl(config: Config | undefined): SASLOptions | undefined {
  if (!config) {
    return undefined;
  }
  const mechanism = config.getString('mechanism');
  if (!['plain', 'scram-sha-256', 'scram-sha-512'].includes(mechanism)) {
    throw new Error(
      `kubedeck.notifications.kafka.sasl.mechanism must be plain, scram-sha-256 or scram-sha-512, not '${mechanism}'`,
    );
  }
  return {
    mechanism: mechanism as 'plain',
    username: config.getString('username'),
    password: config.getString('password'),
  };
}

function readSsl(config: Config): KafkaConfig['ssl'] {
  if (!config.has('ssl')) {
    return undefined;
  }
  const value = config.get('ssl');
  if (typeof value === 'boolean') {
    return value;
  }
  const ssl = config.getConfig('ssl');
  return {
    rejectUnauthorized: ssl.getOptionalBoolean('rejectUnauthorized') ?? true,
    ca: ssl.getOptionalString('ca'),
    cert: ssl.getOptionalString('cert'),
    key: ssl.getOptionalString('key'),
  };
}

/** Forwards kafkajs logs to a Backstage logger. */
function kafkaLogCreator(logger: LoggerService): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...meta } = log;
      const fields = { ...meta, component: 'kafkajs' } as Record<string, any>;
      if (level === logLevel.ERROR) {
        logger.error(message, fields);
      } else if (level === logLevel.WARN) {
        logger.warn(message, fields);
      } else if (level === logLevel.INFO) {
        logger.info(message, fields);
      } else {
        logger.debug(message, fields);
      }
    };
}

/**
 * Reads `kubedeck.notifications.kafka`.
 *
 * @public
 */
export function readKafkaConfig(
  config: Config,
  logger: LoggerService,
): { kafka: KafkaConfig; settings: KafkaBrokerSettings } {
  const kafka = config.getConfig('kubedeck.notifications.kafka');
  return {
    kafka: {
      brokers: kafka.getStringArray('brokers'),
      clientId: kafka.getOptionalString('clientId') ?? 'kubedeck',
      ssl: readSsl(kafka),
      sasl: readSasl(kafka.getOptionalConfig('sasl')),
      connectionTimeout: kafka.getOptionalNumber('connectionTimeoutMs'),
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(logger),
    },
    settings: {
      groupIdPrefix: kafka.getOptionalString('groupId') ?? 'kubedeck',
      fromBeginning: kafka.getOptionalBoolean('fromBeginning') ?? true,
    },
  };
}
