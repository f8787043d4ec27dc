import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const top = () => 0.999999;
    expect(backoffDelay(0, 1_000, 60_000, top)).toBe(999);
    expect(backoffDelay(3, 1_000, 60_000, top)).toBe(7_999);
    expect(backoffDelay(10, 1_000, 60_000, top)).toBe(59_999);
    expect(backoffDelay(1_000, 1_000, 60_000, top)).toBe(59_999);
    expect(backoffDelay(10, 1_000, 60_000, () => 0)).toBe(0);
  });
});
