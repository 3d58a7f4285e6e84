import { describe, expect, it } from 'vitest';
import { formatSrpTimestamp } from '../src/index.js';

describe('formatSrpTimestamp', () => {
  it('does not zero-pad the day but pads the time', () => {
    expect(formatSrpTimestamp(new Date('2024-03-05T09:07:03Z'))).toBe('Tue Mar 5 09:07:03 UTC 2024');
  });

  it('formats the captured real TIMESTAMP', () => {
    expect(formatSrpTimestamp(new Date('2023-08-11T15:51:06Z'))).toBe('Fri Aug 11 15:51:06 UTC 2023');
  });

  it('uses UTC and ignores milliseconds', () => {
    expect(formatSrpTimestamp(new Date('2025-12-31T23:59:59.999Z'))).toBe('Wed Dec 31 23:59:59 UTC 2025');
    expect(formatSrpTimestamp(new Date(Date.UTC(2000, 0, 1, 0, 0, 0)))).toBe('Sat Jan 1 00:00:00 UTC 2000');
  });

  it('rejects an invalid date', () => {
    expect(() => formatSrpTimestamp(new Date('nope'))).toThrow(RangeError);
  });
});
