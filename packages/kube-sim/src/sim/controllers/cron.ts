/** Standard 5-field cron expressions (minute hour day-of-month month day-of-week), as CronJobs use. */
export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** Both day fields restricted: a day matches if either does (cron's OR rule). */
  dayOr: boolean;
}

const macros: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};
const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function value(text: string, names: string[] | undefined, offset: number): number {
  const named = names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + offset;
  if (!/^\d+$/.test(text)) throw new Error(`invalid cron value "${text}"`);
  return Number(text);
}

function field(text: string, min: number, max: number, names?: string[], offset = 0): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!(step >= 1)) throw new Error(`invalid cron step "${part}"`);
    let [lo, hi] = [min, max];
    if (range !== '*' && range !== '?') {
      const [a, b] = range.split('-');
      lo = value(a, names, offset);
      if (b !== undefined) hi = value(b, names, offset);
      else hi = stepText === undefined ? lo : max;
    }
    if (lo < min || hi > max || lo > hi) throw new Error(`cron field "${part}" out of range ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** Parses a cron expression; throws with a message on invalid input. */
export function parseCron(expression: string): CronSchedule {
  const expanded = macros[expression.trim()] ?? expression.trim().replace(/^(TZ|CRON_TZ)=\S+\s+/, '');
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`);
  const weekdays = field(parts[4], 0, 7, dayNames);
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes: field(parts[0], 0, 59),
    hours: field(parts[1], 0, 23),
    days: field(parts[2], 1, 31),
    months: field(parts[3], 1, 12, monthNames, 1),
    weekdays,
    dayOr: parts[2] !== '*' && parts[2] !== '?' && parts[4] !== '*' && parts[4] !== '?',
  };
}

function dayMatches(s: CronSchedule, date: Date): boolean {
  const dom = s.days.has(date.getUTCDate());
  const dow = s.weekdays.has(date.getUTCDay());
  return s.dayOr ? dom || dow : dom && dow;
}

/** The first scheduled minute strictly after `after` (UTC), or undefined within ~5 years. */
export function nextRun(schedule: CronSchedule, after: Date): Date | undefined {
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 24 * 3600 * 1000;
  while (t.getTime() < limit) {
    if (!schedule.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0);
    } else if (!dayMatches(schedule, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
    } else if (!schedule.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
    } else if (!schedule.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
    } else {
      return t;
    }
  }
  return undefined;
}
