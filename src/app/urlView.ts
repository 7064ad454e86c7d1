/**
 * The view the address bar asks for besides the run: a comparison (`compare=<id>,<id>[,…]`), a fork of
 * the run (`fork=<ms>&set=<path>=<JSON value>`, repeatable), or a guided tour (`tour=<id>&step=<n>`).
 * Reading never throws: a bad value becomes a notice and the plain run.
 */
import type { ScenarioChange } from '../protocol/messages';
import { MAX_PANES, MIN_PANES } from './compare/comparisonRequest';
import { findPreset } from './presetCatalog';

export type UrlView =
  | { mode: 'run' }
  | { mode: 'compare'; presetIds: string[] }
  | { mode: 'fork'; atMs: number; changes: ScenarioChange[] }
  | { mode: 'tour'; tourId: string; step: number };

/** Parses `path=value`: the value is JSON when it parses (numbers, booleans, objects), else the text. */
export function parseSetting(text: string): ScenarioChange | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const path = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // A bare word such as TRIM_HORIZON is meant as text.
  }
  return { path, value };
}

/** Writes a change as `path=value` for the address bar. */
export function formatSetting(change: ScenarioChange): string {
  return `${change.path}=${typeof change.value === 'string' ? change.value : JSON.stringify(change.value)}`;
}

/** In `compare=`, the link's own scenario (`custom=`) as a pane. */
export const CUSTOM_PANE = 'custom';

function readCompare(text: string, notices: string[], hasCustom: boolean): UrlView {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !findPreset(id) && !(id === CUSTOM_PANE && hasCustom));
  if (unknown.length > 0) {
    notices.push(
      `There is no preset called ${unknown.map((id) => `"${id}"`).join(', ')}, so the comparison is not shown.`,
    );
    return { mode: 'run' };
  }
  if (ids.length < MIN_PANES || ids.length > MAX_PANES) {
    notices.push(`A comparison shows ${MIN_PANES} to ${MAX_PANES} runs; the link names ${ids.length}.`);
    return { mode: 'run' };
  }
  return { mode: 'compare', presetIds: ids };
}

function readFork(text: string, settings: string[], notices: string[]): UrlView {
  const atMs = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(atMs)) {
    notices.push(
      `The fork moment "${text}" is not a whole number of milliseconds, so the fork is not shown.`,
    );
    return { mode: 'run' };
  }
  const changes: ScenarioChange[] = [];
  for (const s of settings) {
    const change = parseSetting(s);
    if (!change) {
      notices.push(`The setting "${s}" is not written as path=value, so the fork is not shown.`);
      return { mode: 'run' };
    }
    changes.push(change);
  }
  if (changes.length === 0) {
    notices.push('The fork in the link changes no setting (set=path=value), so the plain run is shown.');
    return { mode: 'run' };
  }
  return { mode: 'fork', atMs, changes };
}

function readTour(text: string, stepText: string | null, notices: string[]): UrlView {
  const step = stepText === null ? 1 : Number(stepText);
  if (!Number.isSafeInteger(step) || step < 1) {
    notices.push(`The tour step "${stepText}" is not a whole number from 1; the tour starts at step 1.`);
    return { mode: 'tour', tourId: text, step: 1 };
  }
  return { mode: 'tour', tourId: text, step };
}

/** Reads the view from a query string; the tour id is checked when the tours have loaded. */
export function readUrlView(params: URLSearchParams, notices: string[]): UrlView {
  const compare = params.get('compare');
  if (compare !== null) return readCompare(compare, notices, params.has('custom'));
  const fork = params.get('fork');
  if (fork !== null) return readFork(fork, params.getAll('set'), notices);
  const tour = params.get('tour');
  if (tour !== null) return readTour(tour, params.get('step'), notices);
  return { mode: 'run' };
}

const VIEW_PARAMS = ['compare', 'fork', 'set', 'tour', 'step'];

/** Puts `view` in the address bar (without a new history entry), replacing any other view. */
export function writeUrlView(view: UrlView): void {
  const url = new URL(window.location.href);
  for (const p of VIEW_PARAMS) url.searchParams.delete(p);
  if (view.mode === 'compare') url.searchParams.set('compare', view.presetIds.join(','));
  if (view.mode === 'fork') {
    url.searchParams.set('fork', String(Math.round(view.atMs)));
    for (const c of view.changes) url.searchParams.append('set', formatSetting(c));
  }
  if (view.mode === 'tour') {
    url.searchParams.set('tour', view.tourId);
    url.searchParams.set('step', String(view.step));
  }
  if (view.mode !== 'run') {
    url.searchParams.delete('t');
    url.searchParams.delete('e');
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}
