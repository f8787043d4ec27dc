import { HumanDuration } from '@backstage/types';

export interface Config {
  kubedeck?: {
    notifications?: {
      /**
       * Users and groups (entity refs) who hear about every event, besides subscribers and
       * the owners of the affected catalog entity.
       */
      admins?: string[];
      /**
       * Repeats of one fingerprint within this window, counted from the first occurrence,
       * update one notification instead of adding new ones. Default one hour.
       */
      groupWindow?: HumanDuration | string;
      /**
       * Addresses or CIDR ranges that channel URLs may reach although they are private or
       * loopback. Empty by default: webhooks to private networks are refused.
       */
      allowPrivateNetworks?: string[];
      /**
       * Events that occurred longer ago than this are dropped, so a replayed broker topic
       * does not alert anyone. Default one day.
       */
      maxEventAge?: HumanDuration | string;
      /** How long delivery history and closed groups are kept. Default 90 days. */
      retention?: HumanDuration | string;
      delivery?: {
        /** Attempts per delivery before it is marked failed. Default 6. */
        maxAttempts?: number;
      };
      digests?: {
        /** Cron of the daily digest (UTC). Default `0 7 * * *`. */
        dailyCron?: string;
        /** Cron of the weekly digest (UTC). Default `0 7 * * 1`. */
        weeklyCron?: string;
      };
    };
  };
}
