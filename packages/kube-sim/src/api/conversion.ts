import type { KubeObject } from '../store/types';
import type { ResourceDef } from './resources';

/**
 * Conversion between served versions of a built-in kind that differ in shape. Objects are stored
 * in the preferred version; only autoscaling/v1 HorizontalPodAutoscalers (served beside v2, the
 * storage version) need it.
 */

interface V2Metric {
  type: string;
  resource?: { name: string; target?: { type: string; averageUtilization?: number } };
}

const isHpaV1 = (def: ResourceDef) => def.group === 'autoscaling' && def.version === 'v1' && def.resource === 'horizontalpodautoscalers';

function cpuUtilization(metrics: V2Metric[] | undefined): number | undefined {
  return metrics?.find(m => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.target?.averageUtilization;
}

function hpaV2ToV1(object: KubeObject): KubeObject {
  const spec = (object.spec ?? {}) as { scaleTargetRef?: object; minReplicas?: number; maxReplicas?: number; metrics?: V2Metric[] };
  const status = (object.status ?? {}) as Record<string, unknown> & { currentMetrics?: Array<{ resource?: { name: string; current?: { averageUtilization?: number } } }> };
  const target = cpuUtilization(spec.metrics);
  const current = status.currentMetrics?.find(m => m.resource?.name === 'cpu')?.resource?.current?.averageUtilization;
  const { currentMetrics: _c, conditions: _k, ...restStatus } = status;
  return {
    ...object,
    apiVersion: 'autoscaling/v1',
    spec: {
      scaleTargetRef: spec.scaleTargetRef,
      ...(spec.minReplicas !== undefined ? { minReplicas: spec.minReplicas } : {}),
      maxReplicas: spec.maxReplicas,
      ...(target !== undefined ? { targetCPUUtilizationPercentage: target } : {}),
    },
    status: { ...restStatus, ...(current !== undefined ? { currentCPUUtilizationPercentage: current } : {}) },
  };
}

function hpaV1ToV2(object: KubeObject): KubeObject {
  const { targetCPUUtilizationPercentage: target, ...spec } = (object.spec ?? {}) as Record<string, unknown> & { targetCPUUtilizationPercentage?: number };
  const metrics = target === undefined ? [] : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }];
  const { currentCPUUtilizationPercentage: _c, ...status } = (object.status ?? {}) as Record<string, unknown>;
  return { ...object, apiVersion: 'autoscaling/v2', spec: { ...spec, metrics }, ...(object.status ? { status } : {}) };
}

/** The stored object as the request's version shows it. */
export function toServedVersion(def: ResourceDef, object: KubeObject): KubeObject {
  return isHpaV1(def) && object.apiVersion !== 'autoscaling/v1' ? hpaV2ToV1(object) : object;
}

/** A request body in the request's version, converted to the storage version. */
export function toStorageVersion(def: ResourceDef, object: KubeObject): KubeObject {
  return isHpaV1(def) && object.apiVersion === 'autoscaling/v1' ? hpaV1ToV2(object) : object;
}
