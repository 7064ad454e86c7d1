/**
 * The history of one item or one component up to the cursor, as log indexes, newest last: what the side
 * panel lists when the learner follows something. A component's history is the events that moved items
 * onto it (or, for the function, that started or ended an invocation there).
 */
import { codeNode, itemIndexOf, type FlowIndex } from '../../diagram/flowIndex';
import { FUNCTION_NODE } from '../../diagram/topology';

/** Log indexes of the events that concern item `id`, up to and including `cursor`. */
export function itemHistory(index: FlowIndex, id: string, cursor: number): number[] {
  const item = itemIndexOf(index, id);
  if (item === undefined) return [];
  const out: number[] = [];
  for (let k = index.itemEventStart[item]!; k < index.itemEventStart[item + 1]!; k++) {
    const e = index.itemEvents[k]!;
    if (e > cursor) break;
    out.push(e);
  }
  return out;
}

/** How far back a component's history looks, in events (its newest entries are what matter). */
const SCAN_LIMIT = 50_000;

/** The newest `limit` events up to `cursor` that moved items onto node `nodeId`, oldest first. */
export function nodeHistory(index: FlowIndex, nodeId: string, cursor: number, limit = 40): number[] {
  const node = index.nodeIndex.get(nodeId);
  if (node === undefined) return [];
  const isFunction = nodeId === FUNCTION_NODE;
  const out: number[] = [];
  const stop = Math.max(0, cursor - SCAN_LIMIT);
  for (let e = cursor; e >= stop && out.length < limit; e--) {
    let hit = isFunction && index.eventEnv[e]! > 0;
    for (let p = index.pairStart[e]!; !hit && p < index.pairStart[e + 1]!; p++) {
      const code = index.pairCode[p]!;
      if (code >= 0 && codeNode(code) === node) hit = true;
    }
    if (hit) out.push(e);
  }
  return out.reverse();
}
