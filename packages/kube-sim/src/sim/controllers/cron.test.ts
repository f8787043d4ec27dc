import { nextRun, parseCron } from './cron';
import { latestMissed } from './cronjob';

const at = (iso: string) => new Date(iso);

describe('cron', () => {
  it('finds the next minute of common schedules', () => {
    expect(nextRun(parseCron('*/5 * * * *'), at('2026-11-26T13:37:20Z'))?.toISOString()).toBe('2026-11-26T13:40:00.000Z');
    expect(nextRun(parseCron('0 2 * * *'), at('2026-11-26T13:37:00Z'))?.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(nextRun(parseCron('30 9 * * 1-5'), at('2026-11-27T10:00:00Z'))?.toISOString()).toBe('2026-11-30T09:30:00.000Z');
    expect(nextRun(parseCron('0 0 1 jan *'), at('2026-11-26T00:00:00Z'))?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(nextRun(parseCron('@hourly'), at('2026-11-26T13:00:00Z'))?.toISOString()).toBe('2026-11-26T14:00:00.000Z');
    expect(nextRun(parseCron('15,45 */6 * * *'), at('2026-11-26T06:20:00Z'))?.toISOString()).toBe('2026-11-26T06:45:00.000Z');
  });

  it('matches either day field when both are restricted, like cron', () => {
    // 2026-12-01 is a Tuesday; the 13th is a Sunday.
    expect(nextRun(parseCron('0 0 13 * 2'), at('2026-11-30T12:00:00Z'))?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(nextRun(parseCron('0 0 * * 7'), at('2026-12-10T00:00:00Z'))?.toISOString()).toBe('2026-12-13T00:00:00.000Z');
  });

  it('rejects malformed expressions with a reason', () => {
    expect(() => parseCron('* * * *')).toThrow('expected exactly 5 fields, found 4');
    expect(() => parseCron('61 * * * *')).toThrow('out of range 0-59');
    expect(() => parseCron('*/0 * * * *')).toThrow('invalid cron step');
    expect(() => parseCron('x * * * *')).toThrow('invalid cron value "x"');
  });

  it('picks the most recent missed run only', () => {
    const schedule = parseCron('*/5 * * * *');
    const missed = latestMissed(schedule, Date.parse('2026-11-26T13:01:00Z'), Date.parse('2026-11-26T13:23:00Z'));
    expect(new Date(missed!).toISOString()).toBe('2026-11-26T13:20:00.000Z');
    expect(latestMissed(schedule, Date.parse('2026-11-26T13:21:00Z'), Date.parse('2026-11-26T13:24:00Z'))).toBeUndefined();
  });
});
