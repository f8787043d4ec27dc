import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AuditEvent } from '@kubedeck/plugin-audit-common';
import { AuditApi, auditApiRef } from '../../../api';
import { AuditPage } from '../AuditPage';

export function event(sequence: number, overrides: Partial<AuditEvent> = {}) {
  return {
    sequence,
    time: '2026-11-26T12:00:00.000Z',
    actor: 'user:default/alice',
    plugin: 'kubedeck-clusters',
    eventId: 'pod-delete',
    action: 'delete',
    severityLevel: 'high',
    target: `demo/default/pods/web-${sequence}`,
    outcome: 'succeeded',
    metadata: {},
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
    ...overrides,
  } satisfies AuditEvent;
}

export function fakeAuditApi(overrides: Partial<AuditApi> = {}) {
  return {
    listEvents: jest.fn(async () => ({
      items: [event(2), event(1, { outcome: 'failed', actor: null })],
    })),
    verify: jest.fn(async () => ({ ok: true, checked: 2 })),
    ...overrides,
  } satisfies AuditApi;
}

export function renderPage(
  api: AuditApi,
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  return renderInTestApp(<AuditPage />, {
    apis: [[auditApiRef, api], mockApis.permission({ authorize: result })],
  });
}
