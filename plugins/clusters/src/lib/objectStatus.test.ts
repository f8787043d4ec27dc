import { podStatus } from './objectStatus';

const pod = (status: any, extra: any = {}) => ({
  kind: 'Pod',
  metadata: { name: 'p', ...extra },
  status,
});

describe('podStatus', () => {
  it('names the most telling reason with its tone', () => {
    expect(
      podStatus(
        pod({
          phase: 'Running',
          containerStatuses: [{ state: { running: {} } }],
        }),
      ),
    ).toEqual({ text: 'Running', tone: 'ok' });
    expect(
      podStatus(
        pod({
          phase: 'Running',
          containerStatuses: [
            { state: { waiting: { reason: 'CrashLoopBackOff' } } },
          ],
        }),
      ),
    ).toEqual({ text: 'CrashLoopBackOff', tone: 'error' });
    expect(podStatus(pod({ phase: 'Pending' }))).toEqual({
      text: 'Pending',
      tone: 'warning',
    });
    expect(
      podStatus(pod({ phase: 'Running' }, { deletionTimestamp: 'x' })),
    ).toEqual({ text: 'Terminating', tone: 'warning' });
  });
});
