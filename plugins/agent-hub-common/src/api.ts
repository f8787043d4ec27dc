import { z } from 'zod';
import { AGENT_PRESETS, AgentPreset, PolicyRule } from './presets';

const policyRuleSchema = z
  .object({
    apiGroups: z.array(z.string()).optional(),
    resources: z.array(z.string().min(1)).optional(),
    verbs: z.array(z.string().min(1)).min(1),
    resourceNames: z.array(z.string()).optional(),
    nonResourceURLs: z.array(z.string()).optional(),
  })
  .strict()
  .refine(
    r => (r.resources?.length ?? 0) + (r.nonResourceURLs?.length ?? 0) > 0,
    {
      message: 'a rule names resources or nonResourceURLs',
    },
  );

/**
 * Body of `POST /v1/tokens`.
 *
 * @public
 */
export const createTokenRequestSchema = z
  .object({
    clusterName: z
      .string()
      .regex(
        /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
        'clusterName must be a DNS label (lowercase letters, digits and -, at most 63)',
      ),
    preset: z.enum(AGENT_PRESETS as [AgentPreset, ...AgentPreset[]]),
    rules: z.array(policyRuleSchema).optional(),
    expiresInHours: z
      .number()
      .positive()
      .max(24 * 30)
      .default(24),
  })
  .strict()
  .refine(b => b.preset !== 'custom' || (b.rules?.length ?? 0) > 0, {
    message: 'preset custom needs at least one rule in rules',
    path: ['rules'],
  })
  .refine(b => b.preset === 'custom' || b.rules === undefined, {
    message: 'rules are only accepted with preset custom',
    path: ['rules'],
  });

/** @public */
export type CreateTokenRequest = z.input<typeof createTokenRequestSchema>;

/**
 * A registration token as listed (never its value).
 *
 * @public
 */
export type RegistrationToken = {
  id: string;
  clusterName: string;
  preset: AgentPreset;
  rules: PolicyRule[];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
  revokedAt?: string;
  agentId?: string;
  state: 'active' | 'used' | 'expired' | 'revoked';
};

/**
 * Answer of `POST /v1/tokens`: the only time the token value is shown.
 *
 * @public
 */
export type CreateTokenResponse = {
  token: string;
  registration: RegistrationToken;
  install: {
    helm: string;
    manifestsUrl: string;
    kubectl: string;
  };
};

/**
 * How the hub sees an agent right now. `pushing`: no stream, but a push-only agent whose last
 * report (`POST /v1/report`) came within the offline grace; its failures reach the diagnoses,
 * while browsing its cluster needs a stream.
 *
 * @public
 */
export type AgentStatus = 'connected' | 'pushing' | 'reconnecting' | 'offline';

/**
 * What an agent last reported about its cluster.
 *
 * @public
 */
export type AgentClusterInfo = {
  kubernetesVersion: string;
  nodeCount: number;
  namespaces: string[];
  crds: string[];
};

/**
 * An agent as listed at `GET /v1/agents`.
 *
 * @public
 */
export type Agent = {
  id: string;
  clusterName: string;
  preset: AgentPreset;
  status: AgentStatus;
  agentVersion?: string;
  registeredAt: string;
  lastHeartbeatAt?: string;
  lastConnectedAt?: string;
  /** When the hub last accepted a push report from the agent. */
  lastReportAt?: string;
  credentialRotatedAt?: string;
  clusterInfo?: AgentClusterInfo;
};

/**
 * Answer of `POST /v1/agents/{id}/rotate`: the new credential, shown once.
 *
 * @public
 */
export type RotateCredentialResponse = { agentId: string; credential: string };

/**
 * One failure an agent pushes (`POST /v1/report`, or over its stream).
 *
 * @public
 */
export const failureReportSchema = z
  .object({
    reason: z.string().min(1).max(100),
    namespace: z.string().min(1).max(253),
    pod: z.string().min(1).max(253),
    container: z.string().max(253).optional(),
    message: z.string().max(4000).optional(),
    detectedAt: z.string().datetime().optional(),
    events: z
      .array(
        z.object({
          reason: z.string().max(200),
          message: z.string().max(4000),
          type: z.string().max(50).optional(),
          count: z.number().int().nonnegative().optional(),
          lastTimestamp: z.string().optional(),
        }),
      )
      .max(50)
      .optional(),
  })
  .strict();

/**
 * Body of `POST /v1/report` (push-only agents): every failure the agent sees now (one it no
 * longer lists has resolved) and, now and then, its cluster info and version.
 *
 * @public
 */
export const pushReportSchema = z
  .object({
    agentVersion: z.string().max(100).optional(),
    clusterInfo: z
      .object({
        kubernetesVersion: z.string().max(100),
        nodeCount: z.number().int().nonnegative(),
        namespaces: z.array(z.string().max(253)).max(10000),
        crds: z.array(z.string().max(253)).max(10000),
      })
      .optional(),
    failures: z.array(failureReportSchema).max(500).default([]),
  })
  .strict();

/** @public */
export type FailureReport = z.infer<typeof failureReportSchema>;
/** @public */
export type PushReport = z.input<typeof pushReportSchema>;
