/**
 * Protobuf field tables for the built-in kinds kubectl sends as protobuf (the `kubectl create
 * <kind>` generators, `auth can-i`, `create token`, evictions). Field numbers follow the
 * Kubernetes API's generated.proto definitions; fields not listed here are skipped.
 */

/** A field named INLINE is embedded: its fields appear in the parent, as Go's JSON inlining does. */
export const INLINE = '...';

/** s string, b bool, i integer (0 dropped), I integer (0 kept), y bytes as base64, t Time, q Quantity, n IntOrString. */
export type Scalar = 's' | 'b' | 'i' | 'I' | 'y' | 't' | 'q' | 'n';
export type FieldType = Scalar | MessageSchema | { map: Scalar | MessageSchema };
export type FieldSpec = [name: string, type: FieldType, repeated?: 'repeated'];
export interface MessageSchema {
  [field: number]: FieldSpec;
}

const R = 'repeated' as const;

export const OWNER_REFERENCE: MessageSchema = { 1: ['kind', 's'], 3: ['name', 's'], 4: ['uid', 's'], 5: ['apiVersion', 's'], 6: ['controller', 'b'], 7: ['blockOwnerDeletion', 'b'] };
export const OBJECT_META: MessageSchema = {
  1: ['name', 's'], 2: ['generateName', 's'], 3: ['namespace', 's'], 5: ['uid', 's'], 6: ['resourceVersion', 's'],
  7: ['generation', 'i'], 8: ['creationTimestamp', 't'], 11: ['labels', { map: 's' }], 12: ['annotations', { map: 's' }],
  13: ['ownerReferences', OWNER_REFERENCE, R], 14: ['finalizers', 's', R],
};
const LABEL_SELECTOR: MessageSchema = {
  1: ['matchLabels', { map: 's' }],
  2: ['matchExpressions', { 1: ['key', 's'], 2: ['operator', 's'], 3: ['values', 's', R] }, R],
};
const CONTAINER: MessageSchema = {
  1: ['name', 's'], 2: ['image', 's'], 3: ['command', 's', R], 4: ['args', 's', R], 5: ['workingDir', 's'],
  6: ['ports', { 1: ['name', 's'], 2: ['hostPort', 'i'], 3: ['containerPort', 'I'], 4: ['protocol', 's'] }, R],
  7: ['env', { 1: ['name', 's'], 2: ['value', 's'] }, R],
  8: ['resources', { 1: ['limits', { map: 'q' }], 2: ['requests', { map: 'q' }] }],
  13: ['terminationMessagePath', 's'], 14: ['imagePullPolicy', 's'], 16: ['stdin', 'b'], 17: ['stdinOnce', 'b'], 18: ['tty', 'b'],
  20: ['terminationMessagePolicy', 's'],
};
const POD_SPEC: MessageSchema = {
  2: ['containers', CONTAINER, R], 3: ['restartPolicy', 's'], 4: ['terminationGracePeriodSeconds', 'i'], 6: ['dnsPolicy', 's'],
  7: ['nodeSelector', { map: 's' }], 8: ['serviceAccountName', 's'], 10: ['nodeName', 's'], 19: ['schedulerName', 's'],
  20: ['initContainers', CONTAINER, R],
};
const POD_TEMPLATE: MessageSchema = { 1: ['metadata', OBJECT_META], 2: ['spec', POD_SPEC] };
const JOB_SPEC: MessageSchema = {
  1: ['parallelism', 'I'], 2: ['completions', 'I'], 3: ['activeDeadlineSeconds', 'i'], 4: ['selector', LABEL_SELECTOR], 6: ['template', POD_TEMPLATE],
  7: ['backoffLimit', 'I'], 8: ['ttlSecondsAfterFinished', 'i'], 9: ['completionMode', 's'], 10: ['suspend', 'b'],
};
const POLICY_RULE: MessageSchema = { 1: ['verbs', 's', R], 2: ['apiGroups', 's', R], 3: ['resources', 's', R], 4: ['resourceNames', 's', R], 5: ['nonResourceURLs', 's', R] };
const BINDING: MessageSchema = {
  1: ['metadata', OBJECT_META],
  2: ['subjects', { 1: ['kind', 's'], 2: ['apiGroup', 's'], 3: ['name', 's'], 4: ['namespace', 's'] }, R],
  3: ['roleRef', { 1: ['apiGroup', 's'], 2: ['kind', 's'], 3: ['name', 's'] }],
};
const DELETE_OPTIONS: MessageSchema = {
  1: ['gracePeriodSeconds', 'I'], 2: ['preconditions', { 1: ['uid', 's'], 2: ['resourceVersion', 's'] }], 3: ['orphanDependents', 'b'],
  4: ['propagationPolicy', 's'], 5: ['dryRun', 's', R],
};
const RESOURCE_ATTRIBUTES: MessageSchema = {
  1: ['namespace', 's'], 2: ['verb', 's'], 3: ['group', 's'], 4: ['version', 's'], 5: ['resource', 's'], 6: ['subresource', 's'], 7: ['name', 's'],
};
const NON_RESOURCE_ATTRIBUTES: MessageSchema = { 1: ['path', 's'], 2: ['verb', 's'] };
const ACCESS_REVIEW_SPEC: MessageSchema = {
  1: ['resourceAttributes', RESOURCE_ATTRIBUTES], 2: ['nonResourceAttributes', NON_RESOURCE_ATTRIBUTES], 3: ['user', 's'], 4: ['groups', 's', R], 6: ['uid', 's'],
};

const INGRESS_BACKEND: MessageSchema = {
  4: ['service', { 1: ['name', 's'], 2: ['port', { 1: ['name', 's'], 2: ['number', 'i'] }] }],
};
const INGRESS_SPEC: MessageSchema = {
  1: ['defaultBackend', INGRESS_BACKEND],
  2: ['tls', { 1: ['hosts', 's', R], 2: ['secretName', 's'] }, R],
  3: ['rules', {
    1: ['host', 's'],
    2: [INLINE, { 1: ['http', { 1: ['paths', { 1: ['path', 's'], 2: ['backend', INGRESS_BACKEND], 3: ['pathType', 's'] }, R] }] }],
  }, R],
  4: ['ingressClassName', 's'],
};
const METRIC_SPEC: MessageSchema = {
  1: ['type', 's'],
  4: ['resource', { 1: ['name', 's'], 2: ['target', { 1: ['type', 's'], 2: ['value', 'q'], 3: ['averageValue', 'q'], 4: ['averageUtilization', 'i'] }] }],
};

/** Top-level kinds by `apiVersion/kind`. */
export const KIND_SCHEMAS: Record<string, MessageSchema> = {
  'v1/Namespace': { 1: ['metadata', OBJECT_META], 2: ['spec', { 1: ['finalizers', 's', R] }] },
  'v1/ConfigMap': { 1: ['metadata', OBJECT_META], 2: ['data', { map: 's' }], 3: ['binaryData', { map: 'y' }], 4: ['immutable', 'b'] },
  'v1/Secret': { 1: ['metadata', OBJECT_META], 2: ['data', { map: 'y' }], 3: ['type', 's'], 4: ['stringData', { map: 's' }], 5: ['immutable', 'b'] },
  'v1/ServiceAccount': { 1: ['metadata', OBJECT_META], 4: ['automountServiceAccountToken', 'b'] },
  'v1/Service': {
    1: ['metadata', OBJECT_META],
    2: ['spec', {
      1: ['ports', { 1: ['name', 's'], 2: ['protocol', 's'], 3: ['port', 'I'], 4: ['targetPort', 'n'], 5: ['nodePort', 'i'] }, R],
      2: ['selector', { map: 's' }], 3: ['clusterIP', 's'], 4: ['type', 's'], 10: ['externalName', 's'],
    }],
  },
  'v1/Pod': { 1: ['metadata', OBJECT_META], 2: ['spec', POD_SPEC] },
  'apps/v1/Deployment': {
    1: ['metadata', OBJECT_META],
    2: ['spec', {
      1: ['replicas', 'I'], 2: ['selector', LABEL_SELECTOR], 3: ['template', POD_TEMPLATE],
      4: ['strategy', { 1: ['type', 's'], 2: ['rollingUpdate', { 1: ['maxUnavailable', 'n'], 2: ['maxSurge', 'n'] }] }],
      5: ['minReadySeconds', 'i'], 6: ['revisionHistoryLimit', 'I'], 7: ['paused', 'b'], 9: ['progressDeadlineSeconds', 'I'],
    }],
  },
  'batch/v1/Job': { 1: ['metadata', OBJECT_META], 2: ['spec', JOB_SPEC] },
  'batch/v1/CronJob': {
    1: ['metadata', OBJECT_META],
    2: ['spec', {
      1: ['schedule', 's'], 3: ['concurrencyPolicy', 's'], 4: ['suspend', 'b'],
      5: ['jobTemplate', { 1: ['metadata', OBJECT_META], 2: ['spec', JOB_SPEC] }],
      6: ['successfulJobsHistoryLimit', 'I'], 7: ['failedJobsHistoryLimit', 'I'], 8: ['timeZone', 's'],
    }],
  },
  'v1/ResourceQuota': { 1: ['metadata', OBJECT_META], 2: ['spec', { 1: ['hard', { map: 'q' }], 2: ['scopes', 's', R] }] },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    1: ['metadata', OBJECT_META],
    2: ['spec', {
      1: ['scaleTargetRef', { 1: ['kind', 's'], 2: ['name', 's'], 3: ['apiVersion', 's'] }], 2: ['minReplicas', 'I'], 3: ['maxReplicas', 'I'],
      4: ['metrics', METRIC_SPEC, R],
    }],
  },
  'autoscaling/v1/HorizontalPodAutoscaler': {
    1: ['metadata', OBJECT_META],
    2: ['spec', {
      1: ['scaleTargetRef', { 1: ['kind', 's'], 2: ['name', 's'], 3: ['apiVersion', 's'] }], 2: ['minReplicas', 'I'], 3: ['maxReplicas', 'I'],
      4: ['targetCPUUtilizationPercentage', 'i'],
    }],
  },
  'policy/v1/PodDisruptionBudget': {
    1: ['metadata', OBJECT_META],
    2: ['spec', { 1: ['minAvailable', 'n'], 2: ['selector', LABEL_SELECTOR], 3: ['maxUnavailable', 'n'], 4: ['unhealthyPodEvictionPolicy', 's'] }],
  },
  'networking.k8s.io/v1/Ingress': { 1: ['metadata', OBJECT_META], 2: ['spec', INGRESS_SPEC] },
  'rbac.authorization.k8s.io/v1/Role': { 1: ['metadata', OBJECT_META], 2: ['rules', POLICY_RULE, R] },
  'rbac.authorization.k8s.io/v1/ClusterRole': { 1: ['metadata', OBJECT_META], 2: ['rules', POLICY_RULE, R] },
  'rbac.authorization.k8s.io/v1/RoleBinding': BINDING,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': BINDING,
  'policy/v1/Eviction': { 1: ['metadata', OBJECT_META], 2: ['deleteOptions', DELETE_OPTIONS] },
  'authentication.k8s.io/v1/TokenRequest': {
    1: ['metadata', OBJECT_META],
    2: ['spec', { 1: ['audiences', 's', R], 3: ['boundObjectRef', { 1: ['kind', 's'], 2: ['apiVersion', 's'], 3: ['name', 's'], 4: ['uid', 's'] }], 4: ['expirationSeconds', 'I'] }],
  },
  'authentication.k8s.io/v1/SelfSubjectReview': { 1: ['metadata', OBJECT_META] },
  'authorization.k8s.io/v1/SelfSubjectAccessReview': { 1: ['metadata', OBJECT_META], 2: ['spec', ACCESS_REVIEW_SPEC] },
  'authorization.k8s.io/v1/SubjectAccessReview': { 1: ['metadata', OBJECT_META], 2: ['spec', ACCESS_REVIEW_SPEC] },
  'authorization.k8s.io/v1/LocalSubjectAccessReview': { 1: ['metadata', OBJECT_META], 2: ['spec', ACCESS_REVIEW_SPEC] },
  'authorization.k8s.io/v1/SelfSubjectRulesReview': { 1: ['metadata', OBJECT_META], 2: ['spec', { 1: ['namespace', 's'] }] },
  'meta.k8s.io/v1/DeleteOptions': DELETE_OPTIONS,
  'v1/DeleteOptions': DELETE_OPTIONS,
};
