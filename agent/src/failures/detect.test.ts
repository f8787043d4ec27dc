import type { V1Pod } from '@kubernetes/client-node';
import { detectFailures } from './detect';

const pod = (
  status: V1Pod['status'],
  created = '2026-11-26T10:00:00Z',
): V1Pod => ({
  metadata: { name: 'p', namespace: 'n', creationTimestamp: new Date(created) },
  status,
});
const now = Date.parse('2026-11-26T10:10:00Z');

describe('detectFailures', () => {
  it('finds crash loops, OOM kills and image pull back-offs per container', () => {
    const found = detectFailures(
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'a',
            image: 'a',
            imageID: '',
            ready: false,
            restartCount: 5,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
          {
            name: 'b',
            image: 'b',
            imageID: '',
            ready: false,
            restartCount: 1,
            state: { running: {} },
            lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
          },
          {
            name: 'c',
            image: 'nope:1',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ErrImagePull' } },
          },
        ],
      }),
      now,
      300_000,
    );
    expect(found.map(f => [f.reason, f.container])).toEqual([
      ['CrashLoopBackOff', 'a'],
      ['OOMKilled', 'b'],
      ['ImagePullBackOff', 'c'],
    ]);
  });

  it('reports a pod pending longer than the threshold, with the scheduler message', () => {
    const pending = pod({
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          message: '0/3 nodes have enough cpu',
        },
      ],
    });
    expect(detectFailures(pending, now, 300_000)).toEqual([
      { reason: 'PendingTooLong', message: '0/3 nodes have enough cpu' },
    ]);
    expect(detectFailures(pending, now, 3_600_000)).toEqual([]);
  });

  it('finds nothing on a healthy pod', () => {
    expect(
      detectFailures(pod({ phase: 'Running', containerStatuses: [] }), now, 1),
    ).toEqual([]);
  });
});
