/**
 * What the page opens on: the address bar read (src/app/urlState.ts) and, when the link carries its own
 * scenario, that scenario unpacked. A link that cannot be read becomes a notice and the preset instead.
 */
import { readUrlState, type UrlState } from '../urlState';
import type { CustomScenario } from '../useSimulationRun';

export interface InitialState extends UrlState {
  custom?: CustomScenario;
}

/** Reads the page's starting state from a query string such as `location.search`. */
export function readInitialState(search: string): Promise<InitialState> {
  return withLinkScenario(readUrlState(search));
}

/** The address bar's state with the link's own scenario unpacked (its code loads only for such a link). */
export async function withLinkScenario(urlState: UrlState): Promise<InitialState> {
  const state: InitialState = urlState;
  if (state.customLink === undefined) return state;
  const { readCustomLink } = await import('./customLink');
  const read = await readCustomLink(state.customLink);
  if ('custom' in read) state.custom = read.custom;
  else state.notices.push(`${read.problem} The page shows the preset instead.`);
  return state;
}
