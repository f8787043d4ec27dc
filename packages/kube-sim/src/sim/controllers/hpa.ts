import type { KubeObject, ResourceKey } from '../../store/types';
import { formatLabelSelector } from '../../store/labelSelector';
import { simMs, type SimContext } from '../context';
import type { MetricsService } from '../metrics';
import { formatCpuMillis, parseCpuMillis, parseQuantity } from '../quantity';
import { nowIso, R } from '../resources';
import { setCondition, startController, writeStatus, type ObjectRef } from './controller';

const Hpas = { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' };
const source = { component: 'horizontal-pod-autoscaler' };
const SyncSeconds = 15;
const Tolerance = 0.1;

type Target = { type: 'Utilization' | 'AverageValue'; averageUtilization?: number; averageValue?: string };
type MetricSpec = { type: string; resource?: { name: 'cpu' | 'memory'; target: Target } };
interface HpaSpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: MetricSpec[];
}
type Condition = { type: string; status: string; reason: string; message: string; lastTransitionTime: string };

const targets: Record<string, ResourceKey> = { Deployment: R.deployments, StatefulSet: R.statefulsets, ReplicaSet: R.replicasets };

/** Usage and requests of the target's running pods for one resource (millicores or bytes). */
function measure(ctx: SimContext, metrics: MetricsService, target: KubeObject, resource: 'cpu' | 'memory') {
  const selector = formatLabelSelector((target.spec as { selector?: { matchLabels?: Record<string, string> } }).selector ?? {});
  const pods = ctx.store.list(R.pods, { namespace: target.metadata.namespace, labelSelector: selector || undefined }).items
    .filter(p => (p.status as { phase?: string })?.phase === 'Running');
  let usage = 0;
  let requests = 0;
  for (const pod of pods) {
    for (const container of (pod.spec as { containers: Array<{ name: string; resources?: { requests?: Record<string, string> } }> }).containers) {
      usage += metrics.containerUsage(pod, container)[resource];
      const request = container.resources?.requests?.[resource];
      requests += resource === 'cpu' ? parseCpuMillis(request) : parseQuantity(request);
    }
  }
  return { pods: pods.length, usage, requests };
}

/** The replica count one metric asks for, and its current value for the status. */
function recommend(ctx: SimContext, metrics: MetricsService, target: KubeObject, metric: MetricSpec, current: number) {
  const resource = metric.resource!;
  const m = measure(ctx, metrics, target, resource.name);
  if (m.pods === 0) return undefined;
  const average = m.usage / m.pods;
  const utilization = m.requests > 0 ? Math.round((100 * m.usage) / m.requests) : 0;
  const wanted = resource.target.type === 'Utilization' ? resource.target.averageUtilization ?? 80 : parseQuantity(resource.target.averageValue) * (resource.name === 'cpu' ? 1000 : 1);
  const ratio = (resource.target.type === 'Utilization' ? utilization : average) / Math.max(wanted, 1);
  const replicas = Math.abs(ratio - 1) <= Tolerance ? current : Math.ceil(current * ratio);
  const averageValue = resource.name === 'cpu' ? formatCpuMillis(average) : `${Math.round(average)}`;
  const value = { type: 'Resource', resource: { name: resource.name, current: { averageValue, ...(resource.target.type === 'Utilization' ? { averageUtilization: utilization } : {}) } } };
  return { replicas, value };
}

function conditions(previous: Condition[] | undefined, list: Array<[string, string, string, string]>): Condition[] {
  const now = nowIso();
  return list.reduce((acc, [type, status, reason, message]) => setCondition(acc, { type, status, reason, message, lastTransitionTime: now }), previous ?? []);
}

function reconcile(ctx: SimContext, metrics: MetricsService, ref: ObjectRef): void {
  const hpa = ctx.store.get(Hpas, ref.namespace, ref.name);
  const spec = hpa?.spec as HpaSpec | undefined;
  const key = spec && targets[spec.scaleTargetRef.kind];
  const target = key && ctx.store.get(key, ref.namespace, spec.scaleTargetRef.name);
  if (!hpa || !spec || !key || !target) return;
  const previous = (hpa.status as { conditions?: Condition[] })?.conditions;
  const current = (target.spec as { replicas?: number }).replicas ?? 1;
  const resourceMetrics = (spec.metrics ?? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]).filter(m => m.type === 'Resource' && m.resource);
  const results = ctx.metricsEnabled ? resourceMetrics.map(m => recommend(ctx, metrics, target, m, current)) : [];
  if (!results.length || results.some(r => !r)) {
    const why = ctx.metricsEnabled ? 'did not receive metrics for targeted pods (pods might be unready)' : 'unable to get metrics for resource cpu: no metrics returned from resource metrics API';
    const message = `the HPA was unable to compute the replica count: failed to get cpu utilization: ${why}`;
    writeStatus(ctx, Hpas, hpa, {
      currentReplicas: current, desiredReplicas: current,
      currentMetrics: resourceMetrics.map(m => ({ type: 'Resource', resource: { name: m.resource!.name, current: {} } })),
      conditions: conditions(previous, [['AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale'], ['ScalingActive', 'False', 'FailedGetResourceMetric', message]]),
    });
    return;
  }
  const recommended = Math.max(...results.map(r => r!.replicas));
  const desired = Math.min(spec.maxReplicas, Math.max(spec.minReplicas ?? 1, recommended));
  let lastScaleTime = (hpa.status as { lastScaleTime?: string })?.lastScaleTime;
  if (desired !== current) {
    ctx.store.update(key, { ...target, metadata: { ...target.metadata, resourceVersion: undefined }, spec: { ...(target.spec as object), replicas: desired } });
    const direction = desired > current ? 'above' : 'below';
    ctx.events.record(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: cpu resource utilization (percentage of request) ${direction} target`, source);
    lastScaleTime = nowIso();
  }
  const limited = recommended !== desired;
  writeStatus(ctx, Hpas, hpa, {
    currentReplicas: current, desiredReplicas: desired, ...(lastScaleTime ? { lastScaleTime } : {}),
    currentMetrics: results.map(r => r!.value),
    conditions: conditions(previous, [
      ['AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size'],
      ['ScalingActive', 'True', 'ValidMetricFound', 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)'],
      limited ? ['ScalingLimited', 'True', recommended > desired ? 'TooManyReplicas' : 'TooFewReplicas', `the desired replica count is ${recommended > desired ? 'more' : 'less'} than the ${recommended > desired ? 'maximum' : 'minimum'} replica count`]
        : ['ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range'],
    ]),
  });
}

/** HorizontalPodAutoscalers (autoscaling/v2, resource metrics) scaling from the simulated load. */
export function startHpaController(ctx: SimContext, metrics: MetricsService): void {
  const controller = startController(ctx, { name: 'hpa', key: Hpas, reconcile: (c, ref) => reconcile(c, metrics, ref) });
  const period = Math.max(simMs(ctx, SyncSeconds), 1000);
  const resync = () => {
    ctx.store.list(Hpas).items.forEach(h => controller.enqueue({ namespace: h.metadata.namespace, name: h.metadata.name }));
    ctx.timers.after(period, resync);
  };
  ctx.timers.after(period, resync);
}
