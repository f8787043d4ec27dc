import { auditEntryFromEvent, redactUrl } from './auditEntryFromEvent';

const time = new Date('2026-11-26T12:00:00Z');

describe('auditEntryFromEvent', () => {
  it('maps a request-bound event and removes every secret', () => {
    const entry = auditEntryFromEvent(
      {
        plugin: 'kubedeck-clusters',
        eventId: 'resource-delete',
        severityLevel: 'high',
        actor: {
          actorId: 'user:default/alice',
          ip: '10.0.0.1',
          userAgent: 'curl/8',
        },
        request: {
          method: 'DELETE',
          url: '/api/clusters/demo/pods/web?access_token=abc123&watch=true',
        },
        meta: {
          target: 'cluster:demo/namespaces/default/pods/web',
          kubeconfig: { user: { token: 'sa-token' } },
          headers: { Authorization: 'Bearer xyz' },
          note: 'called with Bearer qwerty',
        },
        status: 'succeeded',
      },
      time,
    );

    expect(entry).toEqual({
      time,
      actor: 'user:default/alice',
      plugin: 'kubedeck-clusters',
      eventId: 'resource-delete',
      action: 'DELETE',
      severityLevel: 'high',
      target: 'cluster:demo/namespaces/default/pods/web',
      outcome: 'succeeded',
      metadata: {
        meta: {
          target: 'cluster:demo/namespaces/default/pods/web',
          kubeconfig: { user: { token: '[REDACTED]' } },
          headers: { Authorization: '[REDACTED]' },
          note: 'called with Bearer [REDACTED]',
        },
        request: {
          method: 'DELETE',
          url: '/api/clusters/demo/pods/web?access_token=%5BREDACTED%5D&watch=true',
        },
        client: { ip: '10.0.0.1', userAgent: 'curl/8' },
      },
    });
    expect(JSON.stringify(entry)).not.toMatch(/abc123|sa-token|xyz|qwerty/);
  });

  it('records failures, the actionType convention and events without a request', () => {
    const entry = auditEntryFromEvent(
      {
        plugin: 'catalog',
        eventId: 'entity-mutate',
        severityLevel: 'medium',
        actor: { actorId: undefined },
        meta: { actionType: 'delete', entityRef: 'component:default/web' },
        status: 'failed',
        error: new Error('upstream said Bearer secretvalue'),
      },
      time,
    );

    expect(entry).toMatchObject({
      actor: null,
      action: 'delete',
      target: 'component:default/web',
      outcome: 'failed',
      metadata: {
        error: { name: 'Error', message: 'upstream said Bearer [REDACTED]' },
      },
    });
    expect(entry.metadata).not.toHaveProperty('request');
  });

  it('falls back to the event id and the request path', () => {
    const entry = auditEntryFromEvent(
      {
        plugin: 'kubedeck-terminal',
        eventId: 'session-open',
        severityLevel: 'low',
        actor: { actorId: 'user:default/bob' },
        status: 'initiated',
      },
      time,
    );
    expect(entry).toMatchObject({ action: 'session-open', target: null });
    expect(entry.metadata).toEqual({});
  });
});

describe('redactUrl', () => {
  it('keeps ordinary URLs unchanged', () => {
    expect(redactUrl('/api/x?limit=5')).toBe('/api/x?limit=5');
    expect(redactUrl('/api/x')).toBe('/api/x');
  });
});
