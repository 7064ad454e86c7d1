/**
 * Runs one child measurement (child.ts) in a fresh Node process and returns its answer. The child runs with
 * `--trace-gc`: V8 prints the heap in use and committed before and after every collection, so the heap's
 * peak (its size just before the largest collection, or at the end) is read from that trace.
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { RESULT_PREFIX, type ChildJob, type ChildResult } from './jobs';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The heap a child may grow to: three quarters of the machine's memory (a long run's log is large). */
export function childHeapMb(): number {
  return Math.max(2048, Math.floor((totalmem() * 0.75) / 2 ** 20));
}

/** The heap's high-water marks over the child's life, from its GC trace. */
export interface GcTrace {
  /** Largest heap in use seen before a collection, bytes. */
  peakUsedBytes: number;
  /** Largest heap committed seen, bytes. */
  peakCommittedBytes: number;
  collections: number;
}

/** "Scavenge 275.7 (295.2) -> 270.8 (300.7) MB": used (committed) before -> after. */
const GC_LINE =
  /(?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|MinorMS)[^0-9]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/;

/** Reads one line of V8's `--trace-gc` output into `trace`; false when the line is not a GC line. */
export function readGcLine(line: string, trace: GcTrace): boolean {
  const m = GC_LINE.exec(line);
  if (!m) return false;
  const [before, committedBefore, after, committedAfter] = m.slice(1, 5).map((x) => Number(x) * 2 ** 20);
  trace.peakUsedBytes = Math.max(trace.peakUsedBytes, before!, after!);
  trace.peakCommittedBytes = Math.max(trace.peakCommittedBytes, committedBefore!, committedAfter!);
  trace.collections += 1;
  return true;
}

export function runChild(job: ChildJob): Promise<{ result: ChildResult; gc: GcTrace }> {
  return new Promise((resolve, reject) => {
    const args = [
      '--import',
      'tsx',
      '--expose-gc',
      '--trace-gc',
      `--max-old-space-size=${childHeapMb()}`,
      CHILD,
      JSON.stringify(job),
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const gc: GcTrace = { peakUsedBytes: 0, peakCommittedBytes: 0, collections: 0 };
    let answer: string | undefined;
    let partial = '';
    let stderr = '';
    const readLine = (line: string) => {
      if (line.startsWith(RESULT_PREFIX)) answer = line.slice(RESULT_PREFIX.length);
      else readGcLine(line, gc);
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(readLine);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (partial) readLine(partial);
      if (code === 0 && answer !== undefined) {
        resolve({ result: JSON.parse(answer) as ChildResult, gc });
        return;
      }
      const why = signal ? `killed by ${signal}` : `exit status ${code}`;
      // The error's message and where it was thrown, without the rest of the stack.
      const lines = stderr.trim().split('\n');
      const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
      const tail = lines
        .filter((l, i) => !/^\s+at /.test(l) || i === firstFrame)
        .slice(-8)
        .join('\n');
      reject(new Error(`${JSON.stringify(job)}: child process ${why}${tail ? `\n${tail}` : ''}`));
    });
  });
}
