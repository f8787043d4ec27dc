export interface Config {
  kubedeck?: {
    notifications?: {
      /** The message broker: `memory` (default, one process) or `kafka`. */
      broker?: 'memory' | 'kafka';
      /** Kafka connection, used when `broker` is `kafka`. */
      kafka?: {
        brokers: string[];
        /** Default `kubedeck`. */
        clientId?: string;
        /** Prefix of consumer group ids: a subscription to group `g` joins `<groupId>.g`. */
        groupId?: string;
        /** Whether a new consumer group starts at the oldest retained message (default true). */
        fromBeginning?: boolean;
        connectionTimeoutMs?: number;
        ssl?:
          | boolean
          | {
              rejectUnauthorized?: boolean;
              ca?: string;
              cert?: string;
              /** @visibility secret */
              key?: string;
            };
        sasl?: {
          mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
          username: string;
          /** @visibility secret */
          password: string;
        };
      };
    };
  };
}
