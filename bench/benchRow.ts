/** One measured figure of `npm run bench`: what was measured, its value, and the budget it is held to. */
export interface BenchRow {
  /** The table the row belongs to, e.g. "Engine kernel", "Full model", "Seek", "Browser". */
  group: string;
  /** What was measured, in words, e.g. "1,000,000-message SQS scenario: wall time". */
  name: string;
  value: number;
  /** Unit of `value`, e.g. "events/s", "ms", "MB", "fps", "KB gzip". */
  unit: string;
  /** The peer measured in the same run, when there is one (e.g. SIM.JS on the same model). */
  peer?: { name: string; value: number };
  /** value / peer.value (or the inverse where smaller is better); the figure that counts on a shared machine. */
  ratio?: number;
  /** The budget from design.md, in words, e.g. "≥ 3× SIM.JS", "≤ 2 s". */
  budget?: string;
  /** Whether the budget is met; undefined when the row has no budget (or was not judged, e.g. `--quick`). */
  pass?: boolean;
  /**
   * The budget as a number, so a miss can say by how much: `value` (or `ratio`, per `on`) must be at most
   * `max` / at least `min`. Optional: rows without it still show pass/miss.
   */
  limit?: { on: 'value' | 'ratio'; max?: number; min?: number };
  /** A short note: how it was measured, or why a budget is missed. */
  note?: string;
}
