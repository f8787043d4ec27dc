import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

export interface NotificationsConfig {
  admins: string[];
  groupWindowMs: number;
  allowPrivateNetworks: string[];
  maxAttempts: number;
  dailyDigestCron: string;
  weeklyDigestCron: string;
  appBaseUrl: string;
  retentionMs: number;
  maxEventAgeMs: number;
}

/** Reads `kubedeck.notifications` (see config.d.ts). */
export function readNotificationsConfig(config: Config): NotificationsConfig {
  const c = config.getOptionalConfig('kubedeck.notifications');
  const window = c?.has('groupWindow')
    ? durationToMilliseconds(readDurationFromConfig(c, { key: 'groupWindow' }))
    : 60 * 60 * 1000;
  const retention = c?.has('retention')
    ? durationToMilliseconds(readDurationFromConfig(c, { key: 'retention' }))
    : 90 * 24 * 3_600_000;
  const maxEventAge = c?.has('maxEventAge')
    ? durationToMilliseconds(readDurationFromConfig(c, { key: 'maxEventAge' }))
    : 24 * 3_600_000;
  return {
    retentionMs: retention,
    maxEventAgeMs: maxEventAge,
    admins: c?.getOptionalStringArray('admins') ?? [],
    groupWindowMs: window,
    allowPrivateNetworks:
      c?.getOptionalStringArray('allowPrivateNetworks') ?? [],
    maxAttempts: c?.getOptionalNumber('delivery.maxAttempts') ?? 6,
    dailyDigestCron: c?.getOptionalString('digests.dailyCron') ?? '0 7 * * *',
    weeklyDigestCron: c?.getOptionalString('digests.weeklyCron') ?? '0 7 * * 1',
    appBaseUrl:
      config.getOptionalString('app.baseUrl') ?? 'http://localhost:3000',
  };
}
