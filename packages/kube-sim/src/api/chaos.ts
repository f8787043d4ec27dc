/** Fault injection for reliability tests, changeable while the server runs. */
export interface ChaosSettings {
  /** Close every watch this many seconds after it started (0: never). */
  dropWatchesAfterSeconds: number;
  /** Fraction (0..1) of API requests answered 429 Too Many Requests. */
  rate429: number;
  /** Fraction (0..1) of API requests answered 500. */
  rate500: number;
  /** Fraction (0..1) of API requests that never get an answer. */
  hangRate: number;
  /** Added to every API request, in milliseconds. */
  latencyMs: number;
}

export const NO_CHAOS: ChaosSettings = { dropWatchesAfterSeconds: 0, rate429: 0, rate500: 0, hangRate: 0, latencyMs: 0 };

export type ChaosOutcome = 'ok' | '429' | '500' | 'hang';

export class Chaos {
  private current: ChaosSettings;
  private readonly watches = new Set<() => void>();

  constructor(
    initial: Partial<ChaosSettings> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.current = { ...NO_CHAOS, ...initial };
  }

  get settings(): ChaosSettings {
    return this.current;
  }

  /** Changes some settings; unknown keys and values out of range are refused. */
  update(changes: Record<string, unknown>): ChaosSettings {
    const next = { ...this.current };
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in NO_CHAOS)) throw new Error(`unknown chaos setting "${key}"`);
      if (typeof value !== 'number' || value < 0 || (key.endsWith('Rate') || key.startsWith('rate')) && value > 1) {
        throw new Error(`chaos setting "${key}" must be a number${key.includes('ate') ? ' between 0 and 1' : ' >= 0'}`);
      }
      next[key as keyof ChaosSettings] = value;
    }
    this.current = next;
    return next;
  }

  /** Registers an open watch so it can be dropped; returns the function that unregisters it. */
  trackWatch(drop: () => void): () => void {
    this.watches.add(drop);
    return () => this.watches.delete(drop);
  }

  /** Cuts every open watch connection at once, as a restarting API server would. */
  dropAllWatches(): number {
    const drops = [...this.watches];
    this.watches.clear();
    for (const drop of drops) drop();
    return drops.length;
  }

  /** Decides what happens to one request. */
  roll(): ChaosOutcome {
    const { rate429, rate500, hangRate } = this.current;
    const x = this.random();
    if (x < rate429) return '429';
    if (x < rate429 + rate500) return '500';
    if (x < rate429 + rate500 + hangRate) return 'hang';
    return 'ok';
  }
}
