import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';
import { auditEntryFromEvent } from './auditEntryFromEvent';
import { auditLogServiceRef } from './auditLogService';
import { readSeverityLogLevels, readStoredSeverities } from './auditorConfig';

/**
 * Replaces Backstage's `coreServices.auditor` for the whole backend. Every event is logged the
 * way Backstage's default auditor logs it (an `isAuditEvent` log line at the configured level,
 * but with secrets removed) and then appended to the hash-chained audit table of
 * {@link auditLogServiceRef} (events below `kubedeck.audit.minimumSeverity` are only logged).
 * If the append fails, the auditor call fails: an action is not reported as audited when it
 * was not.
 *
 * @public
 */
export const kubedeckAuditorServiceFactory = createServiceFactory({
  service: coreServices.auditor,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.logger,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
    plugin: coreServices.pluginMetadata,
    auditLog: auditLogServiceRef,
  },
  factory({ config, logger, auth, httpAuth, plugin, auditLog }) {
    const auditLogger = logger.child({ isAuditEvent: true });
    const levels = readSeverityLogLevels(config);
    const isStored = readStoredSeverities(config);
    return DefaultAuditorService.create(
      async event => {
        const entry = auditEntryFromEvent(event);
        auditLogger[levels[event.severityLevel]](
          `${event.plugin}.${event.eventId}`,
          {
            actor: entry.actor ?? undefined,
            action: entry.action,
            target: entry.target ?? undefined,
            status: entry.outcome,
            severityLevel: entry.severityLevel,
            ...entry.metadata,
          },
        );
        if (isStored(entry.severityLevel)) {
          await auditLog.append(entry);
        }
      },
      { plugin, auth, httpAuth },
    );
  },
});
