/** Formatting of simulated time, durations, counts and money for display. Pure functions. */

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function splitMs(ms: number): { h: number; min: number; s: number; milli: number } {
  const total = Math.max(0, Math.round(ms));
  return {
    h: Math.floor(total / 3_600_000),
    min: Math.floor(total / 60_000) % 60,
    s: Math.floor(total / 1000) % 60,
    milli: total % 1000,
  };
}

/** Simulated time since the start of the run: `+0.013 s`, `+1 min 01.263 s`, `+6 h 00 min 00.000 s`. */
export function formatOffset(ms: number): string {
  const { h, min, s, milli } = splitMs(ms);
  const seconds = `${pad(s, h > 0 || min > 0 ? 2 : 1)}.${pad(milli, 3)} s`;
  if (h > 0) return `+${h} h ${pad(min, 2)} min ${seconds}`;
  if (min > 0) return `+${min} min ${seconds}`;
  return `+${seconds}`;
}

/** Simulated time as a clock: `00:01:01.263`. */
export function formatClock(ms: number): string {
  const { h, min, s, milli } = splitMs(ms);
  return `${pad(h, 2)}:${pad(min, 2)}:${pad(s, 2)}.${pad(milli, 3)}`;
}

/**
 * A duration in words, rounded for reading: `250 ms`, `1.5 s`, `3.25 s`, `58 s`, `60 s`, `2 min`, `2 min 30 s`, `6 h`.
 * Under two minutes it stays in seconds, as AWS writes retry waits (≈60 s, then ≈2 min).
 */
export function formatDuration(ms: number): string {
  const value = Math.max(0, ms);
  if (Math.round(value) < 1000) return `${Math.round(value)} ms`;
  if (value < 10_000) return `${Math.round(value / 10) / 100} s`;
  const totalS = Math.round(value / 1000);
  if (totalS < 120) return `${totalS} s`;
  const h = Math.floor(totalS / 3600);
  const min = Math.floor(totalS / 60) % 60;
  const s = totalS % 60;
  if (h > 0) return min > 0 ? `${h} h ${min} min` : `${h} h`;
  return s > 0 ? `${min} min ${s} s` : `${min} min`;
}

const countFormat = new Intl.NumberFormat('en-US');

/** A count with thousands separators: `15,000`. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

const usdFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A number with separators and up to six decimals: `7,531.25`. */
export function formatDecimal(n: number): string {
  return decimalFormat.format(n);
}

/** Dollars: cents for large amounts, four significant digits for the tiny amounts one run costs. */
export function formatUSD(n: number): string {
  if (n === 0) return '$0';
  if (n >= 0.01) return usdFormat.format(n);
  const digits = Math.min(20, 3 - Math.floor(Math.log10(n)));
  return `$${n.toFixed(digits)}`;
}

/** A plural noun: `plural(1, 'attempt')` → `1 attempt`, `plural(3, 'attempt')` → `3 attempts`. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}
