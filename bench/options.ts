/** `npm run bench -- [options]`. */
import { parseArgs } from 'node:util';

export const HELP = `Usage: npm run bench -- [options]

Measures the engine's kernel against SIM.JS, the full model on large SQS and Kinesis scenarios, a long
run, the diagram's seek on a 1,000,000-event log and the browser figures; prints a table and writes
docs/performance.md (between its bench markers).

Options:
  --quick            a fast smoke run: smaller sizes everywhere, budgets not judged, docs not written
                     unless --write is given
  --long-events N    events of the long run (default 10,000,000; quick: 200,000); 0 skips it
  --no-browser       skip the browser figures
  --write            write docs/performance.md even with --quick
  --no-write         do not write docs/performance.md
  -h, --help         show this help

Exit status: 0 when every measurement was made (missed budgets included), 1 when a measurement failed
(e.g. a mean wait in queue off Erlang C: the engine would be wrong), 2 for bad arguments.
`;

export interface BenchOptions {
  quick: boolean;
  longEvents: number | undefined;
  browser: boolean;
  write: boolean;
  help: boolean;
}

/** Parses the arguments; throws with a message for bad ones. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      'long-events': { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  let longEvents: number | undefined;
  if (values['long-events'] !== undefined) {
    const text = values['long-events'].replace(/[_,]/g, '');
    longEvents = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(longEvents))
      throw new Error(`--long-events needs a whole number ≥ 0 (got "${values['long-events']}")`);
  }
  const quick = values.quick ?? false;
  return {
    quick,
    longEvents,
    browser: !values['no-browser'],
    write: values['no-write'] ? false : (values.write ?? !quick),
    help: values.help ?? false,
  };
}
