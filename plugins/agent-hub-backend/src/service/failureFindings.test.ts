import { failureFindings } from './failureFindings';

describe('failureFindings', () => {
  it('turns reported failures into pod diagnoses with events as evidence and a fix', () => {
    const findings = failureFindings([
      {
        reason: 'CrashLoopBackOff',
        namespace: 'shop',
        pod: 'cart-1',
        container: 'cart',
        message: 'restarted 7 times: back-off 5m0s',
        events: [
          {
            type: 'Warning',
            reason: 'BackOff',
            message: 'Back-off restarting failed container',
            count: 7,
            lastTimestamp: '2026-11-26T10:00:00Z',
          },
        ],
      },
      { reason: 'PendingTooLong', namespace: 'shop', pod: 'big-0' },
      { reason: 'SomethingNew', namespace: 'shop', pod: 'x' },
    ]);
    expect(findings).toEqual([
      {
        kind: 'Pod',
        namespace: 'shop',
        name: 'cart-1',
        type: 'CrashLoopBackOff',
        severity: 'critical',
        title: 'Container cart keeps crashing',
        evidence: [
          'Agent reported CrashLoopBackOff: restarted 7 times: back-off 5m0s',
          'Event Warning BackOff: Back-off restarting failed container (7 times, last 2026-11-26T10:00:00Z)',
        ],
        fix: expect.stringContaining(
          'kubectl -n shop logs cart-1 -c cart --previous',
        ),
      },
      expect.objectContaining({
        name: 'big-0',
        type: 'Unschedulable',
        title: 'Pod has been Pending too long',
      }),
    ]);
  });

  it('makes one finding of containers of one pod failing the same way', () => {
    const findings = failureFindings([
      {
        reason: 'OOMKilled',
        namespace: 'n',
        pod: 'p',
        container: 'a',
        message: 'a died',
      },
      {
        reason: 'OOMKilled',
        namespace: 'n',
        pod: 'p',
        container: 'b',
        message: 'b died',
      },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0].evidence).toEqual([
      'Agent reported OOMKilled: a died',
      'Agent reported OOMKilled: b died',
    ]);
  });
});
