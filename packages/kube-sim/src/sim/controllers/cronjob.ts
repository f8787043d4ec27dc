import type { KubeObject } from '../../store/types';
import { cloneJson } from '../../store/objects';
import type { SimContext } from '../context';
import { ownedBy } from '../context';
import { controllerRef, R } from '../resources';
import { nextRun, parseCron, type CronSchedule } from './cron';
import { jobFinished } from './job';
import { startController, toOwner, writeStatus, type ObjectRef } from './controller';
import { formatTimestamp } from '../../store/ObjectStore';

const source = { component: 'cronjob-controller' };

interface CronJobSpec {
  schedule: string;
  suspend?: boolean;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
}

const iso = (ms: number) => formatTimestamp(new Date(ms));

/** The most recent scheduled time in (after, now], if any. */
export function latestMissed(schedule: CronSchedule, after: number, now: number): number | undefined {
  let found: number | undefined;
  for (let t = nextRun(schedule, new Date(after)); t && t.getTime() <= now; t = nextRun(schedule, t)) found = t.getTime();
  return found;
}

function createJob(ctx: SimContext, cronJob: KubeObject, scheduled: number): KubeObject | undefined {
  const spec = cronJob.spec as CronJobSpec;
  const name = `${cronJob.metadata.name}-${Math.floor(scheduled / 60000)}`;
  if (ctx.store.get(R.jobs, cronJob.metadata.namespace, name)) return undefined;
  const job = ctx.store.create(R.jobs, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cronJob.metadata.namespace,
      labels: { ...spec.jobTemplate?.metadata?.labels },
      annotations: { ...spec.jobTemplate?.metadata?.annotations, 'batch.kubernetes.io/cronjob-scheduled-timestamp': iso(scheduled) },
      ownerReferences: [controllerRef(cronJob)],
    },
    spec: cloneJson(spec.jobTemplate?.spec ?? {}),
  });
  ctx.events.record(cronJob, 'Normal', 'SuccessfulCreate', `Created job ${name}`, source);
  return job;
}

function pruneHistory(ctx: SimContext, cronJob: KubeObject, jobs: KubeObject[]): void {
  const spec = cronJob.spec as CronJobSpec;
  const byAge = (a: KubeObject, b: KubeObject) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name);
  for (const [outcome, limit] of [['Complete', spec.successfulJobsHistoryLimit ?? 3], ['Failed', spec.failedJobsHistoryLimit ?? 1]] as const) {
    const finished = jobs.filter(j => jobFinished(j) === outcome).sort(byAge);
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
      ctx.store.delete(R.jobs, job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Background' });
      ctx.events.record(cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, source);
    }
  }
}

type Status = { lastScheduleTime?: string; lastSuccessfulTime?: string; active?: unknown[] };

function reconcile(ctx: SimContext, ref: ObjectRef, wakeAt: (ref: ObjectRef, at: number) => void): void {
  const cronJob = ctx.store.get(R.cronjobs, ref.namespace, ref.name);
  if (!cronJob || cronJob.metadata.deletionTimestamp) return;
  const spec = cronJob.spec as CronJobSpec;
  let schedule: CronSchedule;
  try {
    schedule = parseCron(spec.schedule);
  } catch (error) {
    ctx.events.record(cronJob, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${spec.schedule}" : ${(error as Error).message}`, source);
    return;
  }
  const status = (cronJob.status ?? {}) as Status;
  const now = ctx.now();
  const since = Date.parse(status.lastScheduleTime ?? cronJob.metadata.creationTimestamp ?? '') || now;
  let jobs = ownedBy(ctx, R.jobs, cronJob);
  let lastScheduleTime = status.lastScheduleTime;
  const due = spec.suspend ? undefined : latestMissed(schedule, since, now);
  if (due !== undefined) {
    const running = jobs.filter(j => !jobFinished(j));
    const policy = spec.concurrencyPolicy ?? 'Allow';
    if (policy === 'Replace') running.forEach(j => ctx.store.delete(R.jobs, j.metadata.namespace, j.metadata.name, { propagationPolicy: 'Background' }));
    if (policy !== 'Forbid' || running.length === 0) createJob(ctx, cronJob, due);
    lastScheduleTime = iso(due);
    jobs = ownedBy(ctx, R.jobs, cronJob);
  }
  pruneHistory(ctx, cronJob, jobs);
  jobs = ownedBy(ctx, R.jobs, cronJob);
  const completed = jobs.filter(j => jobFinished(j) === 'Complete').map(j => (j.status as { completionTime?: string }).completionTime ?? '').sort();
  const next = nextRun(schedule, new Date(now));
  if (next) wakeAt(ref, next.getTime());
  const lastSuccessfulTime = completed[completed.length - 1] ?? status.lastSuccessfulTime;
  const active = jobs.filter(j => !jobFinished(j)).map(j => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: j.metadata.namespace, uid: j.metadata.uid, resourceVersion: j.metadata.resourceVersion }));
  writeStatus(ctx, R.cronjobs, ctx.store.get(R.cronjobs, ref.namespace, ref.name)!, {
    ...(active.length ? { active } : {}),
    ...(lastScheduleTime ? { lastScheduleTime } : {}),
    ...(lastSuccessfulTime ? { lastSuccessfulTime } : {}),
  });
}

/** CronJob → Jobs on its schedule, with concurrency policy, suspend and history limits. */
export function startCronJobController(ctx: SimContext) {
  const wakeups = new Map<string, NodeJS.Timeout>();
  const controller = startController(ctx, {
    name: 'cronjob',
    key: R.cronjobs,
    reconcile: (c, ref) =>
      reconcile(c, ref, (r, at) => {
        const key = `${r.namespace}/${r.name}`;
        c.timers.cancel(wakeups.get(key));
        wakeups.set(key, c.timers.after(at - c.now() + 50, () => controller.enqueue(r)));
      }),
    related: [{ key: R.jobs, map: toOwner('CronJob') }],
  });
  return controller;
}
