/**
 * What the address bar says: `?scenario=<preset id>&seed=<n>` (a link reproduces a run), `t=<ms>` (the
 * moment the player shows, so a link opens where the sender paused), plus `test=1` for end-to-end tests.
 * Reading never throws: a bad value becomes a notice and a fallback.
 */
import { DEFAULT_PRESET_ID, findPreset } from './presetCatalog';
import { SPEEDS } from '../store/playback';
import { readUrlView, type UrlView } from './urlView';

export const MAX_SEED = 0xffffffff;

/** Embed mode's options: play at once, and a stretch of simulated time to loop over. */
export interface EmbedOptions {
  autoplay: boolean;
  loop?: { fromMs: number; toMs: number };
}

export interface UrlState {
  presetId: string;
  seed: number;
  /** Things the user should know about how the URL was read (unknown preset, bad seed). */
  notices: string[];
  /** The simulated moment to open the run at (ms); absent: open at the start. */
  atMs?: number;
  /** With `atMs`: which of the events at that very millisecond the player was on (`e=`, a log index). */
  atEvent?: number;
  testMode: boolean;
  /** A comparison, a fork or a tour, when the link asks for one. */
  view: UrlView;
  /** The link's own scenario, still compressed (`custom=`); read by readInitialState. */
  customLink?: string;
  /** The player's speed, when the link sets one. */
  speed?: number;
  /** Presenter mode (`present=1`). */
  present: boolean;
  /** Embed mode (`embed=1`), with its options. */
  embed?: EmbedOptions;
  /** Test mode only: a shorter watchdog, so a test of a hung worker does not wait 20 s. */
  watchdogMs?: number;
}

/** The seed a run uses when the URL does not say (built-in presets set none; a test keeps it so). */
export const DEFAULT_SEED = 1;

/** Parses a seed typed by a person: a whole number from 0 to 2^32 − 1. */
export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) && n <= MAX_SEED ? n : null;
}

/** `autoplay=1` and `loop=<from ms>-<to ms>`; a bad loop becomes a notice and no loop. */
function readEmbed(params: URLSearchParams, notices: string[]): EmbedOptions {
  const options: EmbedOptions = { autoplay: params.get('autoplay') === '1' };
  const loop = params.get('loop');
  if (loop !== null) {
    const m = /^(\d+)-(\d+)$/.exec(loop.trim());
    const [fromMs, toMs] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    if (Number.isSafeInteger(fromMs) && Number.isSafeInteger(toMs) && fromMs < toMs)
      options.loop = { fromMs, toMs };
    else
      notices.push(
        `The loop "${loop}" is not two moments in ms, the first earlier (e.g. 0-65000); playing without a loop.`,
      );
  }
  return options;
}

/** Reads the page's state from a query string such as `location.search`. */
export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const testMode = params.get('test') === '1';

  let presetId = DEFAULT_PRESET_ID;
  const asked = params.get('scenario');
  if (asked !== null) {
    if (findPreset(asked)) presetId = asked;
    else {
      const fallback = findPreset(DEFAULT_PRESET_ID)?.title ?? DEFAULT_PRESET_ID;
      notices.push(
        `There is no preset called "${asked}", so the page shows the default preset instead: “${fallback}”.`,
      );
    }
  }

  let seed = DEFAULT_SEED;
  const seedText = params.get('seed');
  if (seedText !== null) {
    const parsed = parseSeed(seedText);
    if (parsed === null)
      notices.push(`The seed "${seedText}" is not a whole number from 0 to ${MAX_SEED}; using ${seed}.`);
    else seed = parsed;
  }

  const state: UrlState = {
    presetId,
    seed,
    notices,
    testMode,
    view: readUrlView(params, notices),
    present: params.get('present') === '1',
  };
  if (params.get('embed') === '1') state.embed = readEmbed(params, notices);
  const tText = params.get('t');
  if (tText !== null) {
    const t = /^\d+$/.test(tText.trim()) ? Number(tText.trim()) : NaN;
    if (Number.isSafeInteger(t)) {
      state.atMs = t;
      const e = params.get('e');
      if (e !== null && /^\d+$/.test(e) && Number.isSafeInteger(Number(e))) state.atEvent = Number(e);
    } else
      notices.push(`The time "${tText}" is not a whole number of milliseconds; the run opens at its start.`);
  }
  const custom = params.get('custom');
  if (custom !== null) state.customLink = custom;
  const speedText = params.get('speed');
  if (speedText !== null) {
    const speed = Number(speedText);
    if ((SPEEDS as readonly number[]).includes(speed)) state.speed = speed;
    else
      notices.push(
        `The speed "${speedText}" is not one of the player's speeds (${SPEEDS.join(', ')}); using 1×.`,
      );
  }
  const watchdog = Number(params.get('watchdogMs'));
  if (testMode && Number.isFinite(watchdog) && watchdog > 0) state.watchdogMs = watchdog;
  return state;
}

function replaceUrl(url: URL): void {
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

/**
 * Puts the preset and seed in the address bar (without a new history entry), keeping other parameters
 * except `t`: a new run opens at its end.
 */
export function writeUrlState(presetId: string, seed: number): void {
  const url = new URL(window.location.href);
  url.searchParams.set('scenario', presetId);
  url.searchParams.delete('custom');
  url.searchParams.set('seed', String(seed));
  url.searchParams.delete('t');
  url.searchParams.delete('e');
  replaceUrl(url);
}

/**
 * Puts the player's moment in the address bar as `t=<ms>`, or removes it (null: the end of the run);
 * `atEvent` when the player is on an earlier one of several events at that millisecond (`e=`).
 */
export function writeUrlTime(atMs: number | null, atEvent?: number): void {
  const url = new URL(window.location.href);
  if (atMs === null) url.searchParams.delete('t');
  else url.searchParams.set('t', String(Math.max(0, Math.round(atMs))));
  if (atMs === null || atEvent === undefined) url.searchParams.delete('e');
  else url.searchParams.set('e', String(atEvent));
  replaceUrl(url);
}

/** Puts the player's speed in the address bar (1×, the default, is left out). */
export function writeUrlSpeed(speed: number): void {
  const url = new URL(window.location.href);
  if (speed === 1) url.searchParams.delete('speed');
  else url.searchParams.set('speed', String(speed));
  replaceUrl(url);
}

/** Puts the seed in the address bar (a run of the user's own scenario, which has no preset id). */
export function writeUrlSeed(seed: number): void {
  const url = new URL(window.location.href);
  url.searchParams.set('seed', String(seed));
  url.searchParams.delete('t');
  url.searchParams.delete('e');
  replaceUrl(url);
}

/** Puts presenter mode in the address bar (`present=1`), so a prepared link opens in it. */
export function writeUrlPresent(present: boolean): void {
  const url = new URL(window.location.href);
  if (present) url.searchParams.set('present', '1');
  else url.searchParams.delete('present');
  replaceUrl(url);
}
