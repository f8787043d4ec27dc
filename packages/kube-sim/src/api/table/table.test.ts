import type { KubeObject } from '../../store/types';
import { humanDuration } from './format';
import { buildTable } from './index';
import type { ResourceDef } from '../resources';

const podDef: ResourceDef = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', singular: 'pod', namespaced: true, verbs: [], subresources: [] };
const NOW = Date.parse('2026-01-01T01:00:00Z');

function pod(status: object, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'n', creationTimestamp: '2026-01-01T00:00:00Z', ...extra },
    spec: { containers: [{ name: 'a' }, { name: 'b' }], initContainers: [{ name: 'init' }] },
    status,
  };
}

const cells = (o: KubeObject) => buildTable(podDef, [o], {}, { include: 'None', now: NOW }).rows[0].cells;

describe('pod table rows', () => {
  it('reports readiness, restarts with the last restart age, and container reasons', () => {
    const row = cells(pod({
      phase: 'Running',
      initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      containerStatuses: [
        { name: 'a', ready: true, restartCount: 0, state: { running: {} } },
        { name: 'b', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { finishedAt: '2026-01-01T00:59:00Z' } } },
      ],
    }));
    expect(row.slice(0, 5)).toEqual(['p', '1/2', 'CrashLoopBackOff', '4 (60s ago)', '60m']);
  });

  it('shows init progress, exit codes and Terminating', () => {
    expect(cells(pod({ phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { running: {} } }] }))[2]).toBe('Init:0/1');
    expect(cells(pod({ phase: 'Failed', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 137 } } }] }))[2]).toBe('ExitCode:137');
    expect(cells(pod({ phase: 'Running' }, { deletionTimestamp: '2026-01-01T00:30:00Z' }))[2]).toBe('Terminating');
  });

  it('formats ages like kubectl', () => {
    expect(['0s', '119s', '2m', '9m59s', '10m', '3h', '3h5m', '8h', '2d', '2d3h', '8d', '729d', '2y', '2y3d'].map(t => t)).toEqual([
      humanDuration(0), humanDuration(119_000), humanDuration(120_000), humanDuration(599_000), humanDuration(600_000),
      humanDuration(3 * 3600_000), humanDuration(3 * 3600_000 + 300_000), humanDuration(8 * 3600_000), humanDuration(48 * 3600_000),
      humanDuration(51 * 3600_000), humanDuration(8 * 24 * 3600_000), humanDuration(729 * 24 * 3600_000), humanDuration(730 * 24 * 3600_000), humanDuration(733 * 24 * 3600_000),
    ]);
  });
});
