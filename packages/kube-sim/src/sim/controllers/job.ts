import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { ownedBy, simMs } from '../context';
import { isActivePod, isPodReady, podFromTemplate, podPhase, type PodTemplate } from '../podtemplate';
import { nowIso, R } from '../resources';
import { startController, toOwner, writeStatus, type ObjectRef } from './controller';

const source = { component: 'job-controller' };

interface JobSpec {
  completions?: number;
  parallelism?: number;
  backoffLimit?: number;
  suspend?: boolean;
  activeDeadlineSeconds?: number;
  ttlSecondsAfterFinished?: number;
  selector?: { matchLabels?: Record<string, string> };
  template?: PodTemplate;
}

type JobCondition = { type: string; status: string; reason?: string; message?: string; lastProbeTime: string; lastTransitionTime: string };
type JobStatus = { startTime?: string; completionTime?: string; conditions?: JobCondition[]; failed?: number; succeeded?: number };

/** Whether a Job has finished (Complete or Failed condition true). */
export function jobFinished(job: KubeObject): 'Complete' | 'Failed' | undefined {
  const conditions = (job.status as JobStatus | undefined)?.conditions ?? [];
  return conditions.find(c => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type as 'Complete' | 'Failed' | undefined;
}

/** The API server gives a Job a selector on its uid and labels the template to match. */
function ensureSelector(ctx: SimContext, job: KubeObject): KubeObject {
  const spec = job.spec as JobSpec;
  if (spec.selector) return job;
  const uid = job.metadata.uid ?? '';
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name, 'controller-uid': uid, 'job-name': job.metadata.name };
  return ctx.store.update(R.jobs, {
    ...job,
    metadata: { ...job.metadata, resourceVersion: undefined, labels: { ...labels, ...job.metadata.labels } },
    spec: {
      ...spec,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { ...spec.template, metadata: { ...spec.template?.metadata, labels: { ...spec.template?.metadata?.labels, ...labels } } },
    },
  });
}

function condition(type: string, reason: string, message: string): JobCondition {
  const now = nowIso();
  return { type, status: 'True', reason, message, lastProbeTime: now, lastTransitionTime: now };
}

function finish(ctx: SimContext, job: KubeObject, outcome: 'Complete' | 'Failed', counts: Record<string, number>, active: KubeObject[]): void {
  const status = (job.status ?? {}) as JobStatus;
  active.forEach(p => ctx.store.delete(R.pods, p.metadata.namespace, p.metadata.name));
  const conditions = outcome === 'Complete'
    ? [condition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods'), condition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods')]
    : [condition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'), condition('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')];
  writeStatus(ctx, R.jobs, job, {
    ...status, ...counts, active: undefined, ready: 0, terminating: 0, uncountedTerminatedPods: {},
    conditions: [...(status.conditions ?? []), ...conditions],
    ...(outcome === 'Complete' ? { completionTime: nowIso() } : {}),
  });
  if (outcome === 'Complete') ctx.events.record(job, 'Normal', 'Completed', 'Job completed', source);
  else ctx.events.record(job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', source);
  const ttl = (job.spec as JobSpec).ttlSecondsAfterFinished;
  if (ttl !== undefined) ctx.timers.after(simMs(ctx, ttl), () => {
    if (ctx.store.get(R.jobs, job.metadata.namespace, job.metadata.name)?.metadata.uid === job.metadata.uid) ctx.store.delete(R.jobs, job.metadata.namespace, job.metadata.name);
  });
}

function reconcile(ctx: SimContext, ref: ObjectRef, retry: (ref: ObjectRef, ms: number) => void): void {
  let job = ctx.store.get(R.jobs, ref.namespace, ref.name);
  if (!job || job.metadata.deletionTimestamp || jobFinished(job)) return;
  job = ensureSelector(ctx, job);
  const spec = job.spec as JobSpec;
  const pods = ownedBy(ctx, R.pods, job);
  const active = pods.filter(isActivePod);
  const succeeded = pods.filter(p => podPhase(p) === 'Succeeded').length;
  const failed = pods.filter(p => podPhase(p) === 'Failed').length + restartsOf(active);
  const completions = spec.completions ?? 1;
  const counts = { succeeded, failed };
  if (succeeded >= completions) {
    finish(ctx, job, 'Complete', counts, active);
    return;
  }
  if (failed > (spec.backoffLimit ?? 6)) {
    finish(ctx, job, 'Failed', counts, active);
    return;
  }
  const status = (job.status ?? {}) as JobStatus & { lastFailed?: number };
  const wanted = spec.suspend ? 0 : Math.min(spec.parallelism ?? 1, completions - succeeded) - active.length;
  const backoff = failed > 0 ? Math.min(10 * 2 ** (failed - 1), 360) : 0;
  const lastFailure = Math.max(0, ...pods.filter(p => podPhase(p) === 'Failed').map(finishedAt));
  const waitMs = lastFailure + simMs(ctx, backoff) - Date.now();
  if (wanted > 0 && waitMs > 0) retry(ref, waitMs);
  for (let i = 0; i < wanted && waitMs <= 0; i++) {
    const pod = ctx.store.create(R.pods, podFromTemplate(spec.template ?? {}, job, { generateName: `${job.metadata.name}-` }));
    ctx.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
  }
  const live = ownedBy(ctx, R.pods, job).filter(isActivePod);
  const fresh = ctx.store.get(R.jobs, ref.namespace, ref.name)!;
  writeStatus(ctx, R.jobs, fresh, {
    ...status,
    startTime: status.startTime ?? nowIso(),
    ...(live.length ? { active: live.length } : { active: undefined }),
    ...(succeeded ? { succeeded } : {}),
    ...(failed ? { failed } : {}),
    ready: live.filter(isPodReady).length,
    terminating: 0,
    uncountedTerminatedPods: {},
  });
}

/** With restartPolicy OnFailure, container restarts count as failures towards backoffLimit. */
function restartsOf(pods: KubeObject[]): number {
  return pods.reduce((n, p) => n + (((p.status as { containerStatuses?: Array<{ restartCount?: number }> })?.containerStatuses ?? []).reduce((m, c) => m + (c.restartCount ?? 0), 0)), 0);
}

function finishedAt(pod: KubeObject): number {
  const statuses = (pod.status as { containerStatuses?: Array<{ state?: { terminated?: { finishedAt?: string } } }> })?.containerStatuses ?? [];
  return Math.max(0, ...statuses.map(s => Date.parse(s.state?.terminated?.finishedAt ?? '') || 0));
}

/** Job → Pods: completions, parallelism, backoffLimit with exponential back-off, Complete/Failed. */
export function startJobController(ctx: SimContext) {
  const controller = startController(ctx, {
    name: 'job',
    key: R.jobs,
    reconcile: (c, ref) => reconcile(c, ref, (r, ms) => c.timers.after(ms, () => controller.enqueue(r))),
    related: [{ key: R.pods, map: toOwner('Job') }],
  });
  return controller;
}
