/**
 * The diagram's index as it travels from the worker to the page. Its own module, holding types only from
 * flowIndex.ts, so the page's first bundle does not carry the code that builds an index.
 */
import type { FlowIndex } from './flowIndex';

/**
 * The index as the worker posts it: without the item ids, which the page already has in the results'
 * items (a run of 300,000 items would otherwise send, and the page read, 300,000 strings more).
 */
export type PostedFlowIndex = Omit<FlowIndex, 'itemIds'>;

export function postedFlowIndex(index: FlowIndex): PostedFlowIndex {
  const { itemIds: _itemIds, ...posted } = index;
  return posted;
}

/** The index the worker posted, with its item ids taken from the run's results. */
export function receivedFlowIndex(posted: PostedFlowIndex, items: readonly { id: string }[]): FlowIndex {
  return { ...posted, itemIds: items.map((item) => item.id) };
}
