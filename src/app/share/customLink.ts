/**
 * The user's own scenario (edited, imported, a pitfall's demonstration) in the address bar, so a link
 * reproduces it: `custom=<compressed {title, origin, scenario}>`. The worker validates the scenario as
 * any other; here only the envelope is checked.
 */
import type { CustomScenario } from '../useSimulationRun';
import { decodeJson, encodeJson } from './compressedJson';

const MAX_TITLE = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The custom scenario a link's `custom` holds, or why it cannot be read. */
export async function readCustomLink(
  text: string,
): Promise<{ custom: CustomScenario } | { problem: string }> {
  const decoded = await decodeJson(text);
  if (!decoded.ok) return { problem: `The scenario in the link cannot be read: ${decoded.problem}.` };
  const value = decoded.value;
  if (!isRecord(value) || !isRecord(value.scenario))
    return { problem: 'The scenario in the link cannot be read: it holds no scenario object.' };
  const title =
    typeof value.title === 'string' && value.title.trim()
      ? value.title.slice(0, MAX_TITLE)
      : 'Shared scenario';
  const origin = typeof value.origin === 'string' ? value.origin.slice(0, 500) : 'Opened from a link.';
  return { custom: { scenario: value.scenario, title, origin } };
}

/**
 * Puts the custom scenario in the address bar (or removes it for a preset run), without a new history
 * entry. Compression is asynchronous: a newer write wins over an older one still compressing.
 */
let writes = 0;
export async function writeCustomLink(custom: CustomScenario | undefined): Promise<void> {
  const serial = ++writes;
  const text = custom ? await encodeJson(custom) : null;
  if (serial !== writes) return;
  const url = new URL(window.location.href);
  if (text === null) url.searchParams.delete('custom');
  else {
    url.searchParams.set('custom', text);
    url.searchParams.delete('scenario');
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}
