/** Runs one child measurement (child.ts) in a fresh Node process and returns its answer. */
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

export function runChild(job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const args = [
      '--import',
      'tsx',
      '--expose-gc',
      `--max-old-space-size=${childHeapMb()}`,
      CHILD,
      JSON.stringify(job),
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
        return;
      }
      const why = signal ? `killed by ${signal}` : `exit status ${code}`;
      const tail = stderr.trim().split('\n').slice(-8).join('\n');
      reject(new Error(`${JSON.stringify(job)}: child process ${why}${tail ? `\n${tail}` : ''}`));
    });
  });
}
