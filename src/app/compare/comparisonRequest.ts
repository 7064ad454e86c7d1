/**
 * What a comparison shows: 2 to 4 runs side by side (presets or edited scenarios), or a run and its
 * fork from a moment with some settings changed. Plain data, so it can come from a link or a button.
 */
import type { ScenarioChange } from '../../protocol/messages';

export const MIN_PANES = 2;
export const MAX_PANES = 4;

/** One run: a built-in preset, or a scenario the user made (edited, imported). */
export type PaneSpec = { presetId: string } | { scenario: unknown; title: string };

export interface PanesComparison {
  kind: 'panes';
  panes: PaneSpec[];
  seed: number;
}

export interface ForkComparison {
  kind: 'fork';
  base: PaneSpec;
  seed: number;
  /** The moment the fork leaves the original, in simulated ms. */
  atMs: number;
  changes: ScenarioChange[];
  /** The change in words, for the fork's pane ("VisibilityTimeout 30 → 180"). */
  label: string;
}

export type ComparisonRequest = (PanesComparison | ForkComparison) & {
  /** Bumped to run the same comparison again. */
  nonce: number;
};

/** The run request of a pane (what the worker needs). */
export function runSpec(pane: PaneSpec): { presetId: string } | { scenario: unknown } {
  return 'presetId' in pane ? { presetId: pane.presetId } : { scenario: pane.scenario };
}

/** The changes in words, naming each setting by its last path segment: "VisibilityTimeout = 180". */
export function changesLabel(changes: readonly ScenarioChange[]): string {
  return changes
    .map((c) => {
      const name =
        c.path
          .split('.')
          .filter((s) => !/^\d+$/.test(s))
          .at(-1) ?? c.path;
      const value = typeof c.value === 'string' ? c.value : JSON.stringify(c.value);
      return `${name} = ${value.length > 40 ? `${value.slice(0, 37)}…` : value}`;
    })
    .join(', ');
}
