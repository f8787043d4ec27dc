import type { AuditorService } from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import { audited } from './audited';

describe('audited', () => {
  function recordingAuditor() {
    const outcomes: string[] = [];
    const auditor = {
      createEvent: jest.fn(async () => ({
        success: async () => {
          outcomes.push('success');
        },
        fail: async ({ error }: { error: Error }) => {
          outcomes.push(`fail: ${error.message}`);
        },
      })),
    } as unknown as AuditorService;
    return { auditor, outcomes };
  }
  const req = {} as Request;

  it('records a successful mutation with its metadata and returns its result', async () => {
    const { auditor, outcomes } = recordingAuditor();
    const result = await audited(
      { auditor },
      req,
      'thing-create',
      { id: 'a' },
      async () => 42,
    );
    expect(result).toBe(42);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'thing-create',
      request: req,
      severityLevel: 'medium',
      meta: { id: 'a' },
    });
    expect(outcomes).toEqual(['success']);
  });

  it('records the severity it is given', async () => {
    const { auditor } = recordingAuditor();
    await audited(
      { auditor },
      req,
      { eventId: 'thing-delete', severityLevel: 'high' },
      {},
      async () => undefined,
    );
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'thing-delete',
        severityLevel: 'high',
      }),
    );
  });

  it('records a failed mutation and rethrows its error', async () => {
    const { auditor, outcomes } = recordingAuditor();
    await expect(
      audited({ auditor }, req, 'thing-delete', {}, async () => {
        throw new Error('conflict');
      }),
    ).rejects.toThrow('conflict');
    expect(outcomes).toEqual(['fail: conflict']);
  });
});
