/**
 * The headless runner as a user runs it (design.md "Headless results"): Node with the `tsx` loader that
 * `npm run simulate` uses (without npm and tsx's own wrapper process, which only add start-up time),
 * one process per case, started together and awaited per test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../src/scenarios/presets';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'simulate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx src/cli/simulate.ts …args` from the repository root. */
function simulate(...args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const invalid = file(
  'invalid.json',
  JSON.stringify({
    id: 'too-long',
    title: 'Timeout above 15 minutes',
    function: { Timeout: 901 },
    sources: [{ type: 'sync', id: 'client', caller: 'direct', requests: [{}] }],
  }),
);
const malformed = file('malformed.json', '{\n  "id": "broken",\n  "title": "Broken"\n  "sources": []\n}\n');

// Started at once; each test awaits its own.
const runs = {
  list: simulate('--list'),
  help: simulate('--help'),
  preset: simulate('--preset', 'sync-success'),
  trace: simulate('--preset', 'sync-success', '--trace', '--seed', '7'),
  invalid: simulate(invalid),
  malformed: simulate(malformed),
  unknownPreset: simulate('--preset', 'no-such-preset'),
  badSeed: simulate('--preset', 'sync-success', '--seed', 'abc'),
  emptySeed: simulate('--preset', 'sync-success', '--seed', ''),
  fileAndPreset: simulate(invalid, '--preset', 'default'),
  infiniteUntil: simulate('--preset', 'default', '--until', '1e400'),
};

describe('npm run simulate', { timeout: 90_000 }, () => {
  it('--list prints the preset ids one per line, including default', async () => {
    const { status, stdout } = await runs.list;
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual([...PRESET_IDS]);
    expect(stdout.split('\n')).toContain('default');
  });

  it('--help exits 0 with the usage', async () => {
    const { status, stdout } = await runs.help;
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run --silent simulate -- <scenario\.json \| --preset ID>/);
    expect(stdout).toContain('--trace');
  });

  it('--preset prints the results object: scenario, seed, endMs, items, invocations, metrics (no log)', async () => {
    const { status, stdout, stderr } = await runs.preset;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const results = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(results)).toEqual(['scenario', 'seed', 'endMs', 'items', 'invocations', 'metrics']);
    expect(results).toMatchObject({ scenario: 'sync-success', seed: 1 });
    expect(results.items).toEqual([expect.objectContaining({ kind: 'sync', outcome: 'succeeded' })]);
    expect(results.metrics).toMatchObject({ Invocations: 1, Errors: 0, Throttles: 0 });
  });

  it('--trace adds the event log; --seed sets the seed', async () => {
    const { status, stdout } = await runs.trace;
    expect(status).toBe(0);
    const results = JSON.parse(stdout) as {
      seed: number;
      log: Array<{ seq: number; t: number; type: string }>;
    };
    expect(results.seed).toBe(7);
    expect(results.log.length).toBeGreaterThan(0);
    expect(results.log[0]).toEqual(
      expect.objectContaining({ seq: expect.any(Number), t: 0, type: expect.any(String) }),
    );
  });

  it('an invalid scenario file exits 2 with "path: message" on stderr and nothing on stdout', async () => {
    const { status, stdout, stderr } = await runs.invalid;
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "function.Timeout: 1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900\n",
    );
  });

  it('malformed JSON exits 2 with the line and column', async () => {
    const { status, stdout, stderr } = await runs.malformed;
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "(json): not valid JSON (line 4, column 3): expected ',' or '}' but found \"\\\"\"\n",
    );
  });

  it('an unknown preset exits 2 and points at --list', async () => {
    const { status, stdout, stderr } = await runs.unknownPreset;
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("--preset: no preset 'no-such-preset'; --list shows the ids\n");
  });

  it('--seed abc exits 2', async () => {
    const { status, stdout, stderr } = await runs.badSeed;
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^--seed: 'abc' is not a whole number/);
  });

  it('an empty --seed, a file together with --preset, and an infinite --until each exit 2', async () => {
    const [emptySeed, both, until] = await Promise.all([
      runs.emptySeed,
      runs.fileAndPreset,
      runs.infiniteUntil,
    ]);
    expect(emptySeed.status).toBe(2);
    expect(emptySeed.stderr).toMatch(/^--seed: '' is not a whole number/);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/not both/);
    expect(until.status).toBe(2);
    expect(until.stderr).toMatch(/^--until: '1e400'/);
    expect(emptySeed.stdout + both.stdout + until.stdout).toBe('');
  });
});
