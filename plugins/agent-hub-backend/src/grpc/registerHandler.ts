import * as grpc from '@grpc/grpc-js';
import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  RegisterRequest__Output,
  RegisterResponse,
} from '@kubedeck/agent-proto';
import { rulesAllowImpersonation } from '@kubedeck/plugin-agent-hub-common';
import type { AgentService } from '../service/AgentService';
import {
  RegistrationRefusedError,
  TokenService,
} from '../service/TokenService';

export type RegisterDeps = {
  tokens: TokenService;
  agents: AgentService;
  auditor: AuditorService;
  logger: LoggerService;
};

function toWireRules(
  rules: import('@kubedeck/plugin-agent-hub-common').PolicyRule[],
) {
  return rules.map(r => ({
    apiGroups: r.apiGroups ?? [],
    resources: r.resources ?? [],
    verbs: r.verbs,
    resourceNames: r.resourceNames ?? [],
    nonResourceUrls: r.nonResourceURLs ?? [],
  }));
}

/** `Register`: one-time token in, agent id and long-lived credential out. */
export function registerHandler(deps: RegisterDeps) {
  return (
    call: grpc.ServerUnaryCall<RegisterRequest__Output, RegisterResponse>,
    callback: grpc.sendUnaryData<RegisterResponse>,
  ) => {
    const { token, clusterName, agentVersion } = call.request;
    register(deps, token, clusterName, agentVersion).then(
      response => callback(null, response),
      error => callback(error),
    );
  };
}

async function register(
  deps: RegisterDeps,
  token: string,
  clusterName: string,
  agentVersion: string,
): Promise<RegisterResponse> {
  const event = await deps.auditor.createEvent({
    eventId: 'agent-register',
    severityLevel: 'medium',
    meta: { clusterName },
  });
  try {
    const { agent, credential } = await deps.tokens.redeem({
      token,
      clusterName,
      agentVersion,
    });
    await deps.agents.registered(agent);
    await event.success({ meta: { agentId: agent.id } });
    deps.logger.info(
      `Agent ${agent.id} registered for cluster ${agent.clusterName}`,
    );
    return {
      agentId: agent.id,
      credential,
      clusterName: agent.clusterName,
      preset: agent.preset,
      rules: toWireRules(agent.rules),
      impersonationAllowed: rulesAllowImpersonation(agent.rules),
    };
  } catch (error) {
    await event.fail({ error: error as Error });
    if (error instanceof RegistrationRefusedError) {
      deps.logger.warn(`Agent registration refused: ${error.message}`);
      throw Object.assign(new Error(error.message), {
        code:
          error.reason === 'unknown'
            ? grpc.status.UNAUTHENTICATED
            : grpc.status.PERMISSION_DENIED,
        details: error.message,
      });
    }
    deps.logger.error('Agent registration failed', error as Error);
    throw Object.assign(new Error('registration failed'), {
      code: grpc.status.INTERNAL,
      details: 'registration failed',
    });
  }
}
