/** The full-model bench reads a child's peak heap from V8's --trace-gc lines. */
import { describe, expect, it } from 'vitest';
import { readGcLine, type GcTrace } from '../../bench/model/spawnChild';

const MB = 2 ** 20;

describe('readGcLine', () => {
  it('keeps the largest heap in use and committed over scavenges and full collections', () => {
    const trace: GcTrace = { peakUsedBytes: 0, peakCommittedBytes: 0, collections: 0 };
    const lines = [
      '[18786:0x16d08e70]      411 ms: Scavenge 3.9 (4.0) -> 3.7 (5.0) MB, 62.33 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure; ',
      '[19151:0x3608ee70]    23055 ms: Mark-Compact 276.3 (302.7) -> 221.1 (257.3) MB, 807.58 / 0.00 ms  (+ 207.3 ms in 58 steps since start of marking) finalize incremental marking via stack guard; GC in old space requested',
      '[19151:0x3608ee70]    24000 ms: Mark-Compact (reduce) 230.0 (260.0) -> 200.5 (250.0) MB, 10.00 / 0.00 ms  (average mu = 0.9) memory reducer',
      'BENCH_RESULT {"kind":"run"}',
      'some other output',
    ];
    const read = lines.map((l) => readGcLine(l, trace));
    expect(read).toEqual([true, true, true, false, false]);
    expect(trace.collections).toBe(3);
    expect(trace.peakUsedBytes).toBeCloseTo(276.3 * MB, 0);
    expect(trace.peakCommittedBytes).toBeCloseTo(302.7 * MB, 0);
  });
});
