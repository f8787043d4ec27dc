import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { AuditSeverity } from '@kubedeck/plugin-audit-common';

export type AuditLogLevel = 'debug' | 'info' | 'warn' | 'error';

const LOG_LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'];
const SEVERITIES: readonly AuditSeverity[] = [
  'low',
  'medium',
  'high',
  'critical',
];
const DEFAULT_LEVELS: Record<AuditSeverity, AuditLogLevel> = {
  low: 'debug',
  medium: 'info',
  high: 'info',
  critical: 'info',
};

function invalid(key: string, value: string, allowed: readonly string[]) {
  return new InputError(
    `The configuration value for '${key}' was given an invalid value: '${value}'. Expected one of: ${allowed.join(
      ', ',
    )}.`,
  );
}

/**
 * Reads `backend.auditor.severityLogLevelMappings`, the same keys and defaults Backstage's own
 * auditor uses, so replacing the auditor keeps its log output.
 */
export function readSeverityLogLevels(
  config: Config,
): Record<AuditSeverity, AuditLogLevel> {
  const levels = { ...DEFAULT_LEVELS };
  for (const severity of SEVERITIES) {
    const key = `backend.auditor.severityLogLevelMappings.${severity}`;
    const value = config.getOptionalString(key);
    if (value === undefined) {
      continue;
    }
    if (!LOG_LEVELS.includes(value)) {
      throw invalid(key, value, LOG_LEVELS);
    }
    levels[severity] = value as AuditLogLevel;
  }
  return levels;
}

/** Reads `kubedeck.audit.minimumSeverity` and answers whether an event of a severity is stored. */
export function readStoredSeverities(
  config: Config,
): (severity: AuditSeverity) => boolean {
  const key = 'kubedeck.audit.minimumSeverity';
  const minimum = config.getOptionalString(key) ?? 'low';
  const rank = SEVERITIES.indexOf(minimum as AuditSeverity);
  if (rank < 0) {
    throw invalid(key, minimum, SEVERITIES);
  }
  return severity => SEVERITIES.indexOf(severity) >= rank;
}
