/**
 * The export builders: the results JSON is the CLI's `--trace` output byte for byte, the CSVs follow
 * RFC 4180 (commas, quotes and newlines in payloads survive a strict reader), a payload written as a
 * spreadsheet formula stays text, and the items CSV has one row per item.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunksText, collectChunks } from '../../../src/app/export/chunks';
import { csvField, csvRow } from '../../../src/app/export/csv';
import { EVENT_LOG_COLUMNS, eventLogCsvChunks } from '../../../src/app/export/eventLogCsv';
import { exportFileName } from '../../../src/app/export/fileName';
import { ITEMS_COLUMNS, itemsCsvChunks } from '../../../src/app/export/itemsCsv';
import { resultsJsonChunks } from '../../../src/app/export/resultsJson';
import { textExport } from '../../../src/app/export/runExports';
import { transcriptChunks } from '../../../src/app/export/transcriptExport';
import { buildTranscript, transcriptText } from '../../../src/app/narration/transcript';
import { describeEvent } from '../../../src/app/describeEvent';
import { createSimulation } from '../../../src/engine/simulation';
import { mustValidate } from '../../../src/scenarios/validate';
import { presetRun, type PresetRun } from '../../store/fixtures';
import { parseCsv } from './csvParse';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** `npm run --silent simulate -- …args`'s stdout, as tests/cli runs it. */
function simulate(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { cwd: root });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(stdout) : reject(new Error(`exit ${status}`))));
  });
}

const HOSTILE = '=HYPERLINK("http://example.com/?q=1,2","click")\r\n<script>alert("x")</script>, "done"';

/** An async run whose payload and error message are hostile text (commas, quotes, CR/LF, a formula, HTML). */
function hostileRun(): PresetRun {
  const scenario = mustValidate({
    id: 'hostile',
    title: 'Hostile payload',
    function: {
      DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' },
      behavior: {
        rules: [{ result: 'error', durationMs: 100, error: { errorType: 'Error', errorMessage: HOSTILE } }],
      },
    },
    sources: [
      {
        type: 'async',
        id: 'caller',
        caller: 'direct',
        requests: [{ id: 'evt', atMs: 0, payload: { note: HOSTILE } }],
      },
    ],
  });
  const sim = createSimulation(scenario);
  sim.run();
  const { log = [], ...results } = sim.results({ trace: true });
  return { results, log, scenario };
}

describe('results JSON', () => {
  it(
    'is byte for byte what `npm run simulate -- --preset async-dlq --trace` prints',
    { timeout: 60_000 },
    async () => {
      const cli = simulate('--preset', 'async-dlq', '--trace');
      const { results, log } = presetRun('async-dlq');
      const file = chunksText(collectChunks(resultsJsonChunks(results, log)));
      expect(file).toBe(await cli);
      expect(JSON.parse(file).log).toHaveLength(log.length);
    },
  );

  it('writes an empty log as the CLI would', () => {
    const { results } = presetRun('async-dlq');
    expect(chunksText(collectChunks(resultsJsonChunks(results, [])))).toBe(
      `${JSON.stringify({ ...results, log: [] }, null, 2)}\n`,
    );
  });
});

describe('CSV fields (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, doubling quotes inside', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvRow(['a', 1, 'b,c'])).toBe('a,1,"b,c"\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
  });
});

describe('event log CSV', () => {
  it('has a header and one row per event with the event in words and its data as JSON', () => {
    const { log } = presetRun('async-dlq');
    const rows = parseCsv(chunksText(collectChunks(eventLogCsvChunks(log))));
    expect(rows[0]).toEqual([...EVENT_LOG_COLUMNS]);
    expect(rows).toHaveLength(log.length + 1);
    log.forEach((event, i) => {
      const row = rows[i + 1]!;
      expect(row).toHaveLength(EVENT_LOG_COLUMNS.length);
      expect(Number(row[0])).toBe(event.seq);
      expect(Number(row[1])).toBe(event.t);
      expect(row[2]).toBe(event.type);
      expect(row[3]).toBe(event.rule);
      expect(row[4]).toBe(event.item ?? '');
      expect(row[7]).toBe(describeEvent(event));
      expect(row[8] === '' ? undefined : JSON.parse(row[8]!)).toEqual(event.data);
    });
  });

  it('a hostile payload (commas, quotes, CR/LF, a formula, HTML) survives a strict reader as data and is not a formula', () => {
    const { log } = hostileRun();
    const text = chunksText(collectChunks(eventLogCsvChunks(log)));
    const rows = parseCsv(text);
    expect(rows).toHaveLength(log.length + 1);
    const withHostile = log.filter((e) => JSON.stringify(e.data ?? {}).includes('HYPERLINK'));
    expect(withHostile.length).toBeGreaterThan(0);
    for (const event of withHostile) {
      const row = rows.find((r) => r[0] === String(event.seq))!;
      expect(JSON.parse(row[8]!)).toEqual(event.data);
    }
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+@]/);
  });

  it('stops at the given event', () => {
    const { log } = presetRun('async-dlq');
    const rows = parseCsv(chunksText(collectChunks(eventLogCsvChunks(log, 4))));
    expect(rows).toHaveLength(6);
  });
});

describe('items CSV', () => {
  it('has one row per item with its outcome, attempts, status and deliveries', () => {
    for (const id of ['async-dlq', 'sync-success', 'default']) {
      const { results } = presetRun(id);
      const rows = parseCsv(chunksText(collectChunks(itemsCsvChunks(results.items))));
      expect(rows[0]).toEqual([...ITEMS_COLUMNS]);
      expect(rows).toHaveLength(results.items.length + 1);
      results.items.forEach((item, i) => {
        const row = rows[i + 1]!;
        expect(row.slice(0, 4)).toEqual([item.id, item.kind, item.source, item.outcome]);
        expect(Number(row[4])).toBe(item.arrivedMs);
        expect(row[5]).toBe(item.endedMs === null ? '' : String(item.endedMs));
        expect(Number(row[6])).toBe(item.attempts.length);
        expect(row[7]).toBe(item.response?.statusCode === undefined ? '' : String(item.response.statusCode));
      });
    }
    const dlq = parseCsv(chunksText(collectChunks(itemsCsvChunks(presetRun('async-dlq').results.items))));
    expect(dlq[1]![8]).toBe('dlq sqs delivered');
  });
});

describe('transcript text', () => {
  it('is the narration transcript of the whole run, under a heading', () => {
    const { log, scenario, results } = presetRun('async-dlq');
    const text = chunksText(collectChunks(transcriptChunks(log, scenario, { seed: results.seed })));
    const whole = transcriptText(buildTranscript(log, log.length - 1, scenario, log.length));
    expect(text).toBe(`${scenario.title} — seed 1 — the whole run (${log.length} events)\n\n${whole}\n`);
  });

  it('stops at the cursor when asked', () => {
    const { log, scenario, results } = presetRun('async-dlq');
    const text = chunksText(collectChunks(transcriptChunks(log, scenario, { seed: results.seed, upTo: 3 })));
    expect(text).toContain(`(event 4 of ${log.length})`);
    expect(text.endsWith(`${transcriptText(buildTranscript(log, 3, scenario, 4))}\n`)).toBe(true);
  });

  it('before the first event says so and narrates nothing', () => {
    const { log, scenario } = presetRun('async-dlq');
    expect(collectChunks(transcriptChunks(log, scenario, { seed: 1, upTo: -1 }))).toEqual([
      `${scenario.title} — seed 1 — before the first event\n\n`,
    ]);
  });
});

describe('file names and exports', () => {
  it('names files <scenario>-seed<seed>-<what>.<ext>', () => {
    expect(exportFileName('async-dlq', 1, 'results', 'json')).toBe('async-dlq-seed1-results.json');
    expect(exportFileName('my scenario/../x', 7, 'events', 'csv')).toBe('my-scenario-..-x-seed7-events.csv');
    const run = { ...presetRun('async-dlq'), cursor: 2 };
    expect(textExport('items-csv', run).fileName).toBe('async-dlq-seed1-items.csv');
    expect(textExport('transcript-text', run).fileName).toBe('async-dlq-seed1-transcript.txt');
  });
});

describe('large logs', () => {
  it(
    'sqs-scaling: the event log CSV is built in chunks into a Blob (time reported)',
    { timeout: 120_000 },
    async () => {
      const run = { ...presetRun('sqs-scaling'), cursor: 0 };
      expect(run.log.length).toBeGreaterThan(300_000);
      const file = textExport('events-csv', run);
      // Timed chunk by chunk as well: each chunk is one main-thread task between yields.
      const started = performance.now();
      const parts: string[] = [];
      const tasks: number[] = [];
      const chunks = file.chunks[Symbol.iterator]();
      for (;;) {
        const taskStart = performance.now();
        const next = chunks.next();
        tasks.push(performance.now() - taskStart);
        if (next.done) break;
        parts.push(next.value);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const blob = new Blob(parts, { type: file.mimeType });
      const ms = performance.now() - started;
      console.log(
        `sqs-scaling: ${run.log.length} events → ${parts.length} chunks, ${(blob.size / 1e6).toFixed(1)} MB CSV in ${ms.toFixed(0)} ms, ${tasks.reduce((a, b) => a + b, 0).toFixed(0)} ms of it building (per chunk: median ${tasks.sort((a, b) => a - b)[tasks.length >> 1]!.toFixed(1)} ms, longest ${tasks.at(-1)!.toFixed(0)} ms)`,
      );
      expect(parts.length).toBeGreaterThan(100);
      expect(blob.size).toBe(parts.reduce((n, p) => n + new TextEncoder().encode(p).length, 0));
    },
  );
});
