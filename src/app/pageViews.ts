/**
 * Between the address bar and the page: the comparison a link asks for, the link a comparison gets, and
 * the panes the "Compare" actions start from.
 */
import { changesLabel, type ComparisonRequest, type PaneSpec } from './compare/comparisonRequest';
import { PRESETS } from './presetCatalog';
import type { InitialState } from './share/initialState';
import { CUSTOM_PANE, type UrlView } from './urlView';
import type { CustomScenario, RunRequestState } from './useSimulationRun';

/** What a link's view asks for, as a comparison to run (a tour is not a comparison). */
export function initialComparison(initial: InitialState): ComparisonRequest | null {
  const { view, seed, presetId, custom } = initial;
  if (view.mode === 'compare') {
    // The link's own scenario takes the place the link gave it; unreadable, the comparison is dropped.
    if (view.presetIds.includes(CUSTOM_PANE) && !custom) return null;
    const panes = view.presetIds.map((id): PaneSpec =>
      id === CUSTOM_PANE && custom ? { scenario: custom.scenario, title: custom.title } : { presetId: id },
    );
    return { kind: 'panes', panes, seed, nonce: 0 };
  }
  if (view.mode === 'fork')
    return {
      kind: 'fork',
      base: custom ? { scenario: custom.scenario, title: custom.title } : { presetId },
      seed,
      atMs: view.atMs,
      changes: view.changes,
      label: changesLabel(view.changes),
      nonce: 0,
    };
  return null;
}

/** The address bar's view for a comparison (an edited scenario cannot be named in a link). */
/**
 * The address bar's view for a comparison. A pane of the user's own scenario is named `custom` when it is
 * the shown run's (which the link carries in `custom=`); other edited panes cannot be named in a link.
 */
export function urlViewOf(request: ComparisonRequest | null, shown?: CustomScenario): UrlView {
  if (!request) return { mode: 'run' };
  if (request.kind === 'fork') return { mode: 'fork', atMs: request.atMs, changes: request.changes };
  const ids = request.panes.flatMap((p) =>
    'presetId' in p ? [p.presetId] : shown && p.scenario === shown.scenario ? [CUSTOM_PANE] : [],
  );
  return ids.length === request.panes.length ? { mode: 'compare', presetIds: ids } : { mode: 'run' };
}

/** The shown run as a comparison's pane. */
export function currentPane(request: RunRequestState): PaneSpec {
  return request.custom
    ? { scenario: request.custom.scenario, title: request.custom.title }
    : { presetId: request.presetId };
}

/** A second run to compare the shown preset with: the next preset of the list. */
export function comparePartner(presetId: string): string {
  const i = PRESETS.findIndex((p) => p.id === presetId);
  return PRESETS[(i + 1) % PRESETS.length]!.id;
}
