import type { KubeObject } from '../../store/types';
import { AGE, NAME, NONE, age, at, col, containersAndImages, formatLabels, formatSelector, humanDuration, num, since, type Printer } from './format';

const CONTAINERS = col('Containers', 'string', 1);
const IMAGES = col('Images', 'string', 1);
const SELECTOR = col('Selector', 'string', 1);

function template(o: KubeObject): [string, string, string] {
  const [containers, images] = containersAndImages(at(o, 'spec', 'template', 'spec'));
  return [containers, images, formatSelector(at(o, 'spec', 'selector'))];
}

const replicas = (o: KubeObject) => at<number>(o, 'spec', 'replicas') ?? 1;

export const deploymentPrinter: Printer = {
  columns: [NAME, col('Ready'), col('Up-to-date', 'integer'), col('Available', 'integer'), AGE, CONTAINERS, IMAGES, SELECTOR],
  row: (o, now) => [
    o.metadata.name,
    `${num(at(o, 'status', 'readyReplicas'))}/${replicas(o)}`,
    num(at(o, 'status', 'updatedReplicas')),
    num(at(o, 'status', 'availableReplicas')),
    age(o, now),
    ...template(o),
  ],
};

export const replicaSetPrinter: Printer = {
  columns: [NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), AGE, CONTAINERS, IMAGES, SELECTOR],
  row: (o, now) => [
    o.metadata.name, replicas(o), num(at(o, 'status', 'replicas')), num(at(o, 'status', 'readyReplicas')), age(o, now), ...template(o),
  ],
};

export const statefulSetPrinter: Printer = {
  columns: [NAME, col('Ready'), AGE, CONTAINERS, IMAGES],
  row: (o, now) => [o.metadata.name, `${num(at(o, 'status', 'readyReplicas'))}/${replicas(o)}`, age(o, now), ...template(o).slice(0, 2)],
};

export const daemonSetPrinter: Printer = {
  columns: [
    NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), col('Up-to-date', 'integer'),
    col('Available', 'integer'), col('Node Selector'), AGE, CONTAINERS, IMAGES, SELECTOR,
  ],
  row: (o, now) => [
    o.metadata.name, num(at(o, 'status', 'desiredNumberScheduled')), num(at(o, 'status', 'currentNumberScheduled')),
    num(at(o, 'status', 'numberReady')), num(at(o, 'status', 'updatedNumberScheduled')), num(at(o, 'status', 'numberAvailable')),
    formatLabels(at(o, 'spec', 'template', 'spec', 'nodeSelector')), age(o, now), ...template(o),
  ],
};

function jobStatus(o: KubeObject): string {
  const conditions = at<Array<{ type: string; status: string }>>(o, 'status', 'conditions') ?? [];
  const isTrue = (type: string) => conditions.some(c => c.type === type && c.status === 'True');
  if (isTrue('Complete')) return 'Complete';
  if (isTrue('Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (isTrue('FailureTarget')) return 'FailureTarget';
  if (isTrue('Suspended')) return 'Suspended';
  if (isTrue('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(o: KubeObject): string {
  const succeeded = num(at(o, 'status', 'succeeded'));
  const completions = at<number>(o, 'spec', 'completions');
  if (completions !== undefined) return `${succeeded}/${completions}`;
  const parallelism = at<number>(o, 'spec', 'parallelism') ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(o: KubeObject, now: number): string {
  const start = at<string>(o, 'status', 'startTime');
  if (!start) return '';
  const end = at<string>(o, 'status', 'completionTime');
  return humanDuration((end ? Date.parse(end) : now) - Date.parse(start));
}

export const jobPrinter: Printer = {
  columns: [NAME, col('Status'), col('Completions'), col('Duration'), AGE, CONTAINERS, IMAGES, SELECTOR],
  row: (o, now) => [o.metadata.name, jobStatus(o), jobCompletions(o), jobDuration(o, now), age(o, now), ...template(o)],
};

export const cronJobPrinter: Printer = {
  columns: [
    NAME, col('Schedule'), col('Timezone'), col('Suspend', 'boolean'), col('Active', 'integer'), col('Last Schedule'), AGE,
    CONTAINERS, IMAGES, SELECTOR,
  ],
  row: (o, now) => {
    const jobSpec = at(o, 'spec', 'jobTemplate', 'spec');
    const [containers, images] = containersAndImages(at(jobSpec, 'template', 'spec'));
    const last = at<string>(o, 'status', 'lastScheduleTime');
    return [
      o.metadata.name, at<string>(o, 'spec', 'schedule') ?? '', at<string>(o, 'spec', 'timeZone') || NONE,
      at<boolean>(o, 'spec', 'suspend') ? 'True' : 'False', (at<unknown[]>(o, 'status', 'active') ?? []).length,
      last ? since(last, now) : NONE, age(o, now), containers, images, formatSelector(at(jobSpec, 'selector')),
    ];
  },
};

interface MetricTarget {
  type: string;
  resource?: { name: string; target: { type: string; averageUtilization?: number; averageValue?: string; value?: string } };
}

function hpaTargets(o: KubeObject): string {
  const metrics = at<MetricTarget[]>(o, 'spec', 'metrics') ?? [];
  const current = at<Array<{ resource?: { current?: { averageUtilization?: number; averageValue?: string } } }>>(o, 'status', 'currentMetrics') ?? [];
  if (!metrics.length) return NONE;
  return metrics
    .map((m, i) => {
      const target = m.resource?.target;
      const name = m.resource?.name ?? m.type.toLowerCase();
      if (target?.averageUtilization !== undefined) {
        const now = current[i]?.resource?.current?.averageUtilization;
        return `${name}: ${now === undefined ? '<unknown>' : `${now}%`}/${target.averageUtilization}%`;
      }
      const now = current[i]?.resource?.current?.averageValue;
      return `${name}: ${now ?? '<unknown>'}/${target?.averageValue ?? target?.value ?? ''}`;
    })
    .join(', ');
}

export const hpaPrinter: Printer = {
  columns: [NAME, col('Reference'), col('Targets'), col('MinPods', 'integer'), col('MaxPods', 'integer'), col('Replicas', 'integer'), AGE],
  row: (o, now) => {
    const ref = at<{ kind: string; name: string }>(o, 'spec', 'scaleTargetRef');
    return [
      o.metadata.name, ref ? `${ref.kind}/${ref.name}` : '', hpaTargets(o), at<number>(o, 'spec', 'minReplicas') ?? 1,
      num(at(o, 'spec', 'maxReplicas')), num(at(o, 'status', 'currentReplicas')), age(o, now),
    ];
  },
};

export const replicationControllerPrinter: Printer = {
  columns: [NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), AGE, CONTAINERS, IMAGES, SELECTOR],
  row: (o, now) => {
    const [containers, images] = containersAndImages(at(o, 'spec', 'template', 'spec'));
    return [
      o.metadata.name, replicas(o), num(at(o, 'status', 'replicas')), num(at(o, 'status', 'readyReplicas')), age(o, now),
      containers, images, formatLabels(at(o, 'spec', 'selector')),
    ];
  },
};
