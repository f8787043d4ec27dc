import type { KubeObject } from '../../store/types';
import type { PrinterColumn, ResourceDef } from '../resources';
import {
  cronJobPrinter, daemonSetPrinter, deploymentPrinter, hpaPrinter, jobPrinter, replicaSetPrinter, replicationControllerPrinter, statefulSetPrinter,
} from './workloads';
import {
  configMapPrinter, endpointsPrinter, eventPrinter, namespacePrinter, nodePrinter, pvcPrinter, pvPrinter, secretPrinter,
  serviceAccountPrinter, servicePrinter,
} from './core';
import {
  bindingPrinter, controllerRevisionPrinter, createdAtPrinter, endpointSlicePrinter, ingressClassPrinter, ingressPrinter, leasePrinter,
  networkPolicyPrinter, pdbPrinter, podTemplatePrinter, resourceQuotaPrinter, storageClassPrinter,
} from './other';
import { podPrinter } from './pods';
import { AGE, NAME, age, humanDuration, type Cell, type Column, type Printer } from './format';
import { evaluateJsonPath } from './jsonPath';

const PRINTERS: Record<string, Printer> = {
  '/pods': podPrinter,
  '/nodes': nodePrinter,
  '/services': servicePrinter,
  '/namespaces': namespacePrinter,
  '/configmaps': configMapPrinter,
  '/secrets': secretPrinter,
  '/serviceaccounts': serviceAccountPrinter,
  '/events': eventPrinter,
  '/endpoints': endpointsPrinter,
  '/persistentvolumes': pvPrinter,
  '/persistentvolumeclaims': pvcPrinter,
  '/resourcequotas': resourceQuotaPrinter,
  '/replicationcontrollers': replicationControllerPrinter,
  '/podtemplates': podTemplatePrinter,
  'networking.k8s.io/ingressclasses': ingressClassPrinter,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'apps/controllerrevisions': controllerRevisionPrinter,
  'batch/jobs': jobPrinter,
  'batch/cronjobs': cronJobPrinter,
  'autoscaling/horizontalpodautoscalers': hpaPrinter,
  'networking.k8s.io/ingresses': ingressPrinter,
  'networking.k8s.io/networkpolicies': networkPolicyPrinter,
  'rbac.authorization.k8s.io/rolebindings': bindingPrinter,
  'rbac.authorization.k8s.io/clusterrolebindings': bindingPrinter,
  'storage.k8s.io/storageclasses': storageClassPrinter,
  'coordination.k8s.io/leases': leasePrinter,
  'policy/poddisruptionbudgets': pdbPrinter,
  'discovery.k8s.io/endpointslices': endpointSlicePrinter,
};

function crdCell(object: KubeObject, column: PrinterColumn, now: number): Cell {
  const values = evaluateJsonPath(object, column.jsonPath);
  if (values.length === 0) return '';
  const value = values[0];
  if (column.type === 'date' && typeof value === 'string') return humanDuration(now - Date.parse(value));
  if (typeof value === 'object') return JSON.stringify(value);
  return value as Cell;
}

function crdPrinter(columns: PrinterColumn[]): Printer {
  if (columns.length === 0) return { columns: [NAME, AGE], row: (o, now) => [o.metadata.name, age(o, now)] };
  return {
    columns: [
      NAME,
      ...columns.map(c => ({ name: c.name, type: (c.type === 'date' ? 'date' : c.type) as Column['type'], ...(c.format ? { format: c.format } : {}), ...(c.priority ? { priority: c.priority } : {}), description: c.description ?? '' })),
    ],
    row: (o, now) => [o.metadata.name, ...columns.map(c => crdCell(o, c, now))],
  };
}

export function printerFor(def: ResourceDef): Printer {
  if (def.crd) return crdPrinter(def.printerColumns ?? []);
  return PRINTERS[`${def.group}/${def.resource}`] ?? createdAtPrinter;
}

export type IncludeObject = 'None' | 'Object' | 'PartialObjectMetadata';

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

/** A metav1.Table for the objects; `withColumns: false` leaves out the definitions (watch events after the first). */
export function buildTable(
  def: ResourceDef,
  objects: KubeObject[],
  listMeta: Record<string, unknown>,
  options: { include: IncludeObject; withColumns?: boolean; now?: number },
) {
  const printer = printerFor(def);
  const now = options.now ?? Date.now();
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: options.withColumns === false ? [] : printer.columns.map(c => ({ priority: 0, format: '', ...c })),
    rows: objects.map(o => {
      const object = rowObject(o, options.include);
      return { cells: printer.row(o, now), ...(object ? { object } : {}) };
    }),
  };
}
