import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';
import { Analyzer, eventsAbout } from '../types';

/** Nodes whose Ready condition is not True. */
export const nodeAnalyzer: Analyzer = snapshot =>
  snapshot.nodes.flatMap((node): DiagnosisFinding[] => {
    const ready = (node.status?.conditions ?? []).find(
      (c: any) => c.type === 'Ready',
    );
    if (!ready || ready.status === 'True') return [];
    const pressure = (node.status?.conditions ?? [])
      .filter((c: any) => c.type !== 'Ready' && c.status === 'True')
      .map((c: any) => `${c.type}: ${c.message ?? c.reason}`);
    return [
      {
        kind: 'Node',
        name: node.metadata.name,
        type: 'NodeNotReady',
        severity: 'critical',
        title: `Node ${node.metadata.name} is not ready`,
        evidence: [
          `Ready=${ready.status} (${ready.reason ?? 'no reason'}): ${
            ready.message ?? ''
          }`.trim(),
          ...(ready.lastHeartbeatTime
            ? [`Last heartbeat: ${ready.lastHeartbeatTime}`]
            : []),
          ...pressure,
        ],
        fix: "Check the node's kubelet and container runtime (systemctl status kubelet, journalctl -u kubelet), its network and disk/memory pressure; drain and replace it if it does not recover.",
      },
    ];
  });

/** Claims still Pending (no volume bound). */
export const pvcAnalyzer: Analyzer = snapshot =>
  snapshot.pvcs.flatMap((pvc): DiagnosisFinding[] => {
    if (pvc.status?.phase !== 'Pending') return [];
    const storageClass = pvc.spec?.storageClassName;
    return [
      {
        kind: 'PersistentVolumeClaim',
        namespace: pvc.metadata.namespace,
        name: pvc.metadata.name,
        type: 'PvcPending',
        severity: 'warning',
        title: `Volume claim ${pvc.metadata.name} is not bound`,
        evidence: [
          `Phase Pending; storage class ${
            storageClass ?? '(default)'
          }; requests ${pvc.spec?.resources?.requests?.storage ?? '?'}`,
          ...eventsAbout(
            snapshot,
            'PersistentVolumeClaim',
            pvc.metadata.namespace,
            pvc.metadata.name,
          ),
        ],
        fix: storageClass
          ? `Make sure StorageClass ${storageClass} exists and its provisioner runs, or create a PersistentVolume that matches the claim.`
          : 'Set a storageClassName (or mark a StorageClass as default), or create a PersistentVolume that matches the claim.',
      },
    ];
  });

function selects(
  selector: Record<string, string>,
  labels: Record<string, string> = {},
) {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Services with a selector that matches no pod. */
export const serviceAnalyzer: Analyzer = snapshot =>
  snapshot.services.flatMap((service): DiagnosisFinding[] => {
    const selector = service.spec?.selector;
    if (
      !selector ||
      Object.keys(selector).length === 0 ||
      service.spec?.type === 'ExternalName'
    )
      return [];
    const ns = service.metadata.namespace;
    const matched = snapshot.pods.some(
      p => p.metadata.namespace === ns && selects(selector, p.metadata.labels),
    );
    if (matched) return [];
    const text = Object.entries(selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return [
      {
        kind: 'Service',
        namespace: ns,
        name: service.metadata.name,
        type: 'ServiceWithoutPods',
        severity: 'warning',
        title: `Service ${service.metadata.name} selects no pods`,
        evidence: [`Selector ${text} matches no pod in ${ns}`],
        fix: `Make the selector (${text}) match the labels of the pods' template, or deploy the workload it should route to.`,
      },
    ];
  });
