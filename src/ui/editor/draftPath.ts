/** Writing one setting into a draft scenario without changing anything else (the draft is never mutated). */
import { parseFieldPath, type PathSegment } from '../../scenarios/fieldCatalog';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Writes `value` at `segments` below `node`; `droppable` is the shortest prefix length of an enclosing
 * object that may be removed when the write leaves it empty.
 */
function write(
  node: unknown,
  segments: readonly PathSegment[],
  depth: number,
  value: unknown,
  droppable: number,
): unknown {
  const key = segments[depth];
  if (key === undefined) return value;
  if (typeof key === 'number') {
    const copy = Array.isArray(node) ? [...node] : [];
    copy[key] = write(copy[key], segments, depth + 1, value, droppable);
    return copy;
  }
  const copy: Record<string, unknown> = isPlainObject(node) ? { ...node } : {};
  const child = write(copy[key], segments, depth + 1, value, droppable);
  const enclosing = depth + 1 < segments.length;
  const emptied =
    enclosing && depth + 1 >= droppable && isPlainObject(child) && Object.keys(child).length === 0;
  if (child === undefined || emptied) delete copy[key];
  else copy[key] = child;
  return copy;
}

/**
 * A copy of `root` with `value` at `path` (e.g. `sources[0].queue.VisibilityTimeout`). Missing objects on
 * the way are created; `undefined` removes the property, and then each of the `dropEmpty` innermost
 * enclosing objects that this leaves empty, so clearing a form's last destination leaves no
 * `DestinationConfig: {}` behind (which AWS would refuse) while a required object stays.
 */
export function writeFieldPath(root: unknown, path: string, value: unknown, dropEmpty = 0): unknown {
  const segments = parseFieldPath(path);
  return write(root, segments, 0, value, segments.length - dropEmpty);
}
