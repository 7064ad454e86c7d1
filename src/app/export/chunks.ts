/**
 * Text built in pieces. A run can log 300,000+ events; one string of all of them would be built and
 * copied in a single main-thread task, so exports produce arrays of chunks (a Blob takes them as they
 * are), and the async form yields to the page between chunks so it keeps answering input.
 */

/** Rows per chunk: large enough that joining is cheap, small enough that a chunk takes a few ms. */
export const CHUNK_ROWS = 1_000;

/** A source of text chunks, produced one at a time. */
export type ChunkSource = Iterable<string>;

/** Every chunk at once, for tests and small runs. */
export function collectChunks(source: ChunkSource): string[] {
  return [...source];
}

/** A pause that lets the page handle input and paint before the next chunk. */
function nextTask(): Promise<void> {
  // scheduler.yield (Chromium) resumes ahead of other tasks; setTimeout is clamped to 4 ms when nested.
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Every chunk, yielding to the event loop after each one so a long export does not freeze the page. */
export async function collectChunksAsync(source: ChunkSource, signal?: AbortSignal): Promise<string[]> {
  const parts: string[] = [];
  for (const chunk of source) {
    parts.push(chunk);
    await nextTask();
    signal?.throwIfAborted();
  }
  return parts;
}

/** The chunks joined (for the clipboard, or to compare in tests). */
export function chunksText(parts: readonly string[]): string {
  return parts.join('');
}
