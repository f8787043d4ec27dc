/** A minimal structured logger: one JSON object per line on stderr. */
export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

/** Writes JSON lines; `silent` for tests. */
export function createLogger(options: { silent?: boolean } = {}): Logger {
  const write =
    (level: string) => (message: string, fields?: Record<string, unknown>) => {
      if (options.silent) return;
      process.stderr.write(
        `${JSON.stringify({
          time: new Date().toISOString(),
          level,
          message,
          ...fields,
        })}\n`,
      );
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
