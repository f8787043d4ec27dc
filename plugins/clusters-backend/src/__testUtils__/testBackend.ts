import type { Server } from 'node:http';
import {
  AuditorServiceCreateEventOptions,
  BackendFeature,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { JsonObject } from '@backstage/types';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { clustersPlugin } from '../plugin';

/** Decides a permission for a user; ALLOW unless a test says otherwise. */
export type TestPolicy = (permission: string, user: string) => PolicyDecision;

function userOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef ?? 'service';
}

/** What tests can change and observe. */
export type TestBackendState = {
  policy: TestPolicy;
  audits: AuditorServiceCreateEventOptions[];
  outcomes: string[];
};

/** A running test backend. */
export type ClustersTestBackend = {
  server: Server;
  state: TestBackendState;
  stop(): Promise<void>;
};

/**
 * The clusters plugin in a test backend with the given `kubedeck.clusters` config, a
 * permission policy tests can change and an auditor that records events.
 */
export async function startClustersTestBackend(
  clusters: JsonObject,
  options: {
    anonymousRequests?: 'refused';
    realScheduler?: boolean;
    /** More features, such as modules of the plugin. */
    features?: BackendFeature[];
  } = {},
): Promise<ClustersTestBackend> {
  const state: TestBackendState = {
    policy: () => ({ result: AuthorizeResult.ALLOW }),
    audits: [],
    outcomes: [],
  };
  const permissions: PermissionsService = {
    authorize: async (requests, { credentials }) =>
      requests.map(r => {
        const decision = state.policy(r.permission.name, userOf(credentials));
        return decision.result === AuthorizeResult.CONDITIONAL
          ? { result: AuthorizeResult.DENY }
          : decision;
      }) as any,
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(r =>
        state.policy(r.permission.name, userOf(credentials)),
      ) as any,
  };
  const backend = await startTestBackend({
    features: [
      clustersPlugin,
      ...(options.features ?? []),
      ...(options.realScheduler ? [schedulerServiceFactory] : []),
      ...(options.anonymousRequests === 'refused'
        ? [
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
          ]
        : []),
      mockServices.rootConfig.factory({
        data: {
          kubedeck: {
            clusters: { diagnosis: { intervalSeconds: 3600 }, ...clusters },
          },
        },
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
      createServiceFactory({
        service: coreServices.auditor,
        deps: {},
        factory: () => ({
          createEvent: async (event: AuditorServiceCreateEventOptions) => {
            state.audits.push(event);
            return {
              success: async () => void state.outcomes.push('success'),
              fail: async () => void state.outcomes.push('fail'),
            };
          },
        }),
      }),
    ],
  });
  return { server: backend.server, state, stop: () => backend.stop() };
}
