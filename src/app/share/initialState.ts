/**
 * What the page opens on: the address bar read (src/app/urlState.ts) and, when the link carries its own
 * scenario, that scenario unpacked. A link that cannot be read becomes a notice and the preset instead.
 */
import { readUrlState, type UrlState } from '../urlState';
import type { CustomScenario } from '../useSimulationRun';
import { readCustomLink } from './customLink';

export interface InitialState extends UrlState {
  custom?: CustomScenario;
}

/** Reads the page's starting state from a query string such as `location.search`. */
export async function readInitialState(search: string): Promise<InitialState> {
  const state: InitialState = readUrlState(search);
  if (state.customLink === undefined) return state;
  const read = await readCustomLink(state.customLink);
  if ('custom' in read) state.custom = read.custom;
  else state.notices.push(`${read.problem} The page shows the preset instead.`);
  return state;
}
