import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { auditLogServiceRef } from './auditLogService';
import { kubedeckAuditorServiceFactory } from './auditorServiceFactory';

type LogLine = { level: string; message: string; meta: unknown };

function recordingLogger(lines: LogLine[]): LoggerService {
  const record = (level: string) => (message: string, meta?: unknown) => {
    lines.push({ level, message, meta });
  };
  const logger: LoggerService = {
    child: () => logger,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  return logger;
}

describe('kubedeckAuditorServiceFactory', () => {
  function setup(config: object = {}) {
    const lines: LogLine[] = [];
    const tester = ServiceFactoryTester.from(kubedeckAuditorServiceFactory, {
      dependencies: [
        mockServices.rootConfig.factory({ data: config }),
        createServiceFactory({
          service: coreServices.logger,
          deps: {},
          factory: () => recordingLogger(lines),
        }),
      ],
    });
    return { tester, lines };
  }

  it('logs each event like Backstage and appends it to the shared chain', async () => {
    const { tester, lines } = setup();
    const clustersAuditor = await tester.getSubject('kubedeck-clusters');
    const terminalAuditor = await tester.getSubject('kubedeck-terminal');

    const event = await clustersAuditor.createEvent({
      eventId: 'resource-delete',
      severityLevel: 'medium',
      meta: { target: 'pods/web', bearerToken: 'do-not-store' },
    });
    await event.success();
    await terminalAuditor.createEvent({ eventId: 'session-open' });

    const auditLog = await tester.getService(auditLogServiceRef);
    const { items } = await auditLog.list({ limit: 10 });
    expect(
      items.map(e => [e.sequence, e.plugin, e.eventId, e.outcome]),
    ).toEqual([
      [3, 'kubedeck-terminal', 'session-open', 'initiated'],
      [2, 'kubedeck-clusters', 'resource-delete', 'succeeded'],
      [1, 'kubedeck-clusters', 'resource-delete', 'initiated'],
    ]);
    expect(items[1].metadata).toEqual({
      meta: { target: 'pods/web', bearerToken: '[REDACTED]' },
    });
    await expect(auditLog.verify()).resolves.toEqual({ ok: true, checked: 3 });

    expect(lines.map(l => [l.level, l.message])).toEqual([
      ['info', 'kubedeck-clusters.resource-delete'],
      ['info', 'kubedeck-clusters.resource-delete'],
      ['debug', 'kubedeck-terminal.session-open'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('do-not-store');
  });

  it('honours backend.auditor.severityLogLevelMappings', async () => {
    const { tester, lines } = setup({
      backend: { auditor: { severityLogLevelMappings: { low: 'warn' } } },
    });
    const auditor = await tester.getSubject('kubedeck-terminal');

    await auditor.createEvent({ eventId: 'session-open' });

    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'kubedeck-terminal.session-open',
      }),
    ]);
  });

  it('only logs events below kubedeck.audit.minimumSeverity', async () => {
    const { tester, lines } = setup({
      kubedeck: { audit: { minimumSeverity: 'medium' } },
    });
    const auditor = await tester.getSubject('catalog');

    await auditor.createEvent({
      eventId: 'entity-fetch',
      severityLevel: 'low',
    });
    await auditor.createEvent({
      eventId: 'entity-mutate',
      severityLevel: 'medium',
    });

    const auditLog = await tester.getService(auditLogServiceRef);
    const { items } = await auditLog.list({ limit: 10 });
    expect(items.map(e => e.eventId)).toEqual(['entity-mutate']);
    expect(lines.map(l => l.message)).toEqual([
      'catalog.entity-fetch',
      'catalog.entity-mutate',
    ]);
  });

  it('refuses an invalid log level mapping', async () => {
    const { tester } = setup({
      backend: { auditor: { severityLogLevelMappings: { high: 'loud' } } },
    });

    await expect(tester.getSubject('kubedeck-terminal')).rejects.toThrow(
      /severityLogLevelMappings.high' was given an invalid value: 'loud'/,
    );
  });
});
