/**
 * The size of the JavaScript loaded first: the built `index.html`'s module script and the modules it
 * preloads, each gzipped at level 9 and summed. Lazy chunks (loaded when a part of the page is first
 * shown) and the worker are not in it. A second figure counts what the page really fetched before the
 * first diagram (firstDiagram.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from '../benchRow';
import type { FetchedScript } from './firstDiagram';
import { round } from './stats';

/** The budget: 200 KB (1,000 bytes each) of gzip. */
const BUDGET_BYTES = 200_000;

/** The attributes of one HTML start tag, names lower-cased; a bare attribute has the value "". */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  // Skip the tag name itself.
  const body = tag.replace(/^<\s*[a-zA-Z]+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(pattern)) attributes.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return attributes;
}

/**
 * The JavaScript files an HTML page loads before anything else, in document order and without repeats:
 * `<script type="module" src>` and `<link rel="modulepreload" href>` (inline scripts, comments and
 * classic scripts are left out: a build's entry is a module).
 */
export function firstLoadedScripts(html: string): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const files: string[] = [];
  for (const [tag] of withoutComments.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attributes = attributesOf(tag);
    const isScript = /^<\s*script/i.test(tag);
    const url = isScript
      ? attributes.get('type')?.toLowerCase() === 'module'
        ? attributes.get('src')
        : undefined
      : (attributes.get('rel') ?? '').toLowerCase().split(/\s+/).includes('modulepreload')
        ? attributes.get('href')
        : undefined;
    if (url && !files.includes(url)) files.push(url);
  }
  return files;
}

/** Bytes of `data` gzipped at level 9 (what a server compressing at its best would send). */
export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(data, { level: 9 }).length;
}

/** A size in bytes as "201.6 KB (196.9 KiB)". */
export function kbAndKib(bytes: number): string {
  return `${round(bytes / 1000)} KB (${round(bytes / 1024)} KiB)`;
}

/** The gzip size of the first-loaded JavaScript of a build, from its index.html; also the files' paths. */
export async function measureFirstLoadSize(outDir: string): Promise<{ rows: BenchRow[]; files: string[] }> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const files = firstLoadedScripts(html).filter((url) => !/^[a-z]+:|^\/\//i.test(url));
  let raw = 0;
  let gzip = 0;
  for (const url of files) {
    const data = await readFile(join(outDir, url.replace(/^\//, '')));
    raw += data.length;
    gzip += gzipSize(data);
  }
  const rows: BenchRow[] = [
    {
      group: 'Browser',
      name: 'JavaScript loaded first (index.html: module script + modulepreloads), gzip -9',
      value: round(gzip / 1000),
      unit: 'KB gzip',
      budget: '≤ 200 KB gzip',
      pass: gzip <= BUDGET_BYTES,
      note: `${files.length} files, ${kbAndKib(gzip)} gzip, ${kbAndKib(raw)} as built`,
    },
  ];
  return { rows, files };
}

/**
 * The gzip size of all JavaScript that had arrived when the first diagram showed (lazy chunks and the worker
 * included); `firstLoaded` (paths from index.html) lets the note name the files beyond them.
 */
export function fetchedBeforeDiagramRow(
  scripts: readonly FetchedScript[],
  firstLoaded: readonly string[],
): BenchRow {
  const gzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const raw = scripts.reduce((sum, s) => sum + s.bytes, 0);
  const name = (url: string) => new URL(url).pathname.split('/').at(-1) ?? url;
  const sized = (s: FetchedScript) => `${name(s.url)} ${round(s.gzipBytes / 1000)} KB`;
  const beyond = scripts.filter((s) => !firstLoaded.includes(new URL(s.url).pathname));
  const largest = [...scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3);
  return {
    group: 'Browser',
    name: 'JavaScript arrived before the first diagram (default page, fresh context), gzip -9',
    value: round(gzip / 1000),
    unit: 'KB gzip',
    budget: '≤ 200 KB gzip',
    pass: gzip <= BUDGET_BYTES,
    note:
      `${scripts.length} files, ${kbAndKib(gzip)} gzip, ${kbAndKib(raw)} as sent; largest: ` +
      `${largest.map(sized).join(', ')}; beyond index.html's: ${beyond.map(sized).join(', ') || 'none'}`,
  };
}
