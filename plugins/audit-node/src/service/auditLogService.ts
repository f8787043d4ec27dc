import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { ConfigReader } from '@backstage/config';
import { AuditStore } from '../database/AuditStore';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';

/**
 * Database id of the audit table: its connection is configured like a plugin's, under
 * `backend.database.plugin.kubedeck-audit`.
 *
 * @public
 */
export const AUDIT_DATABASE_ID = 'kubedeck-audit';

/**
 * The one audit table of the backend. Root-scoped, so every plugin's auditor and the audit
 * plugin's router share one store and one database connection (plugin-scoped
 * `coreServices.database` would give each plugin its own).
 *
 * @public
 */
export const auditLogServiceRef = createServiceRef<AuditStore>({
  id: 'kubedeck.audit.log',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        lifecycle: coreServices.rootLifecycle,
        logger: coreServices.rootLogger,
      },
      async factory({ config, lifecycle, logger }) {
        // Same fallback as Backstage's database service when no database is configured.
        const databaseConfig = config.getOptional('backend.database')
          ? config
          : new ConfigReader({
              backend: {
                database: { client: 'better-sqlite3', connection: ':memory:' },
              },
            });
        const database = DatabaseManager.fromConfig(databaseConfig, {
          rootLifecycle: lifecycle,
          rootLogger: logger,
        }).forPlugin(AUDIT_DATABASE_ID, {
          lifecycle,
          logger: logger.child({ plugin: AUDIT_DATABASE_ID }),
        });
        return DatabaseAuditStore.create({ database });
      },
    }),
});
