import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatCount,
  formatDecimal,
  formatDuration,
  formatOffset,
  formatUSD,
  plural,
} from '../../src/app/format';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('formatOffset: simulated time since the start of the run', () => {
  it.each([
    [0, '+0.000 s'],
    [13, '+0.013 s'],
    [1263, '+1.263 s'],
    [59_999, '+59.999 s'],
    [61_263, '+1 min 01.263 s'],
    [3 * MIN + 2 * S, '+3 min 02.000 s'],
    [6 * H, '+6 h 00 min 00.000 s'],
    [2 * H + 5 * MIN + 7 * S + 9, '+2 h 05 min 07.009 s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatOffset(ms)).toBe(text);
  });

  it('rounds to whole milliseconds and never goes below zero', () => {
    expect(formatOffset(12.6)).toBe('+0.013 s');
    expect(formatOffset(-5)).toBe('+0.000 s');
    expect(formatOffset(59_999.6)).toBe('+1 min 00.000 s');
  });
});

describe('formatClock: simulated time as a clock', () => {
  it.each([
    [0, '00:00:00.000'],
    [13, '00:00:00.013'],
    [61_263, '00:01:01.263'],
    [3 * MIN + 2 * S, '00:03:02.000'],
    [6 * H + 1, '06:00:00.001'],
    [-1, '00:00:00.000'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('formatDuration: a duration in words', () => {
  it.each([
    [0, '0 ms'],
    [13, '13 ms'],
    [250, '250 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [1500, '1.5 s'],
    [3250, '3.25 s'],
    [9994, '9.99 s'],
    [58_000, '58 s'],
    [60_000, '60 s'],
    [61_263, '61 s'],
    [119_000, '119 s'],
    [120_000, '2 min'],
    [150_000, '2 min 30 s'],
    [3 * MIN + 2 * S, '3 min 2 s'],
    [59 * MIN + 59 * S, '59 min 59 s'],
    [H, '1 h'],
    [6 * H, '6 h'],
    [3 * H + 5 * MIN, '3 h 5 min'],
    [3 * H + 5 * MIN + 40 * S, '3 h 5 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('AWS retry waits read as ≈60 s and ≈2 min', () => {
    expect(formatDuration(60_000)).toBe('60 s');
    expect(formatDuration(120_000)).toBe('2 min');
  });

  it('a negative duration is shown as 0 ms', () => {
    expect(formatDuration(-20)).toBe('0 ms');
  });

  it('a duration just under 1 s that rounds up reads "1 s", not "1000 ms"', () => {
    // Rule durations in a scenario may be fractional (behavior.rules[].durationMs), so this is reachable.
    expect(formatDuration(999.6)).toBe('1 s');
  });
});

describe('numbers and money', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [15_000, '15,000'],
    [1_234_567, '1,234,567'],
  ])('formatCount(%d) → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it.each([
    [7531.25, '7,531.25'],
    [0.1234567, '0.123457'],
    [2, '2'],
    [0.5, '0.5'],
  ])('formatDecimal(%d) → %s', (n, text) => {
    expect(formatDecimal(n)).toBe(text);
  });

  it.each([
    [0, '$0'],
    [0.01, '$0.01'],
    [1234.5, '$1,234.50'],
    [12.345, '$12.35'],
    [0.0021, '$0.002100'],
    [0.0000123456, '$0.00001235'],
    [0.000000208, '$0.0000002080'],
  ])('formatUSD(%d) → %s', (n, text) => {
    expect(formatUSD(n)).toBe(text);
  });

  it('formatUSD shows four significant digits for tiny amounts', () => {
    for (const n of [0.009876, 0.00012345, 0.0000004321]) {
      const digits = formatUSD(n).replace(/^\$0\.0*/, '');
      expect(digits, formatUSD(n)).toHaveLength(4);
    }
  });

  it.each([
    [0, 'attempt', '0 attempts'],
    [1, 'attempt', '1 attempt'],
    [3, 'attempt', '3 attempts'],
    [1500, 'event', '1,500 events'],
  ])('plural(%d, %s) → %s', (n, noun, text) => {
    expect(plural(n, noun)).toBe(text);
  });

  it('plural takes an irregular plural', () => {
    expect(plural(2, 'policy', 'policies')).toBe('2 policies');
    expect(plural(1, 'policy', 'policies')).toBe('1 policy');
  });
});
