const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimal: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Parses a Kubernetes quantity ("250m", "1.5", "128Mi", "2G", "1e3") into a plain number. */
export function parseQuantity(value: string | number | undefined): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(value.trim());
  if (!match) return 0;
  const [, number, suffix] = match;
  const multiplier = binary[suffix] ?? decimal[suffix];
  return multiplier === undefined ? 0 : Number(number) * multiplier;
}

/** CPU quantity in millicores. */
export function parseCpuMillis(value: string | number | undefined): number {
  return Math.round(parseQuantity(value) * 1000);
}

export function formatCpuMillis(millis: number): string {
  return `${Math.round(millis)}m`;
}

/** Memory in Ki, as the metrics API reports it. */
export function formatMemoryKi(bytes: number): string {
  return `${Math.round(bytes / 1024)}Ki`;
}

/** CPU in nanocores, as the metrics API reports container usage. */
export function formatCpuNanos(millis: number): string {
  return `${Math.round(millis * 1e6)}n`;
}
