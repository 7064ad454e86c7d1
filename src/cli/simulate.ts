/**
 * Headless runner: `npm run --silent simulate -- <file.json | --preset ID> [--seed N] [--until SECONDS] [--trace]`
 * prints the results object (design.md "Headless results") as JSON on stdout. Invalid input exits with
 * status 2 and one line per problem, with its field path, on stderr.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSimulation } from '../engine/simulation';
import { getPreset, PRESET_IDS } from '../scenarios/presets';
import { parseScenarioJson, type ValidationIssue } from '../scenarios/validate';
import type { Scenario } from '../scenarios/schema';

const HELP = `Usage: npm run --silent simulate -- <scenario.json | --preset ID> [options]

Runs a scenario in the simulation engine and prints the results as JSON.

Options:
  --preset ID        run a built-in scenario (see --list)
  --list             print the preset ids, one per line
  --seed N           seed for the run's randomness (default: the scenario's seed, else 1)
  --until SECONDS    stop at this simulated time (default: when nothing is left to happen)
  --trace            include the full event log in the output ("log")
  --compact          print JSON on one line
  -h, --help         show this help

Exit status: 0 on success, 2 when the scenario or the arguments are invalid.
`;

function fail(issues: ValidationIssue[]): never {
  for (const issue of issues) process.stderr.write(`${issue.path}: ${issue.message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        list: { type: 'boolean' },
        seed: { type: 'string' },
        until: { type: 'string' },
        trace: { type: 'boolean' },
        compact: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail([{ path: '(arguments)', message: `${(e as Error).message}\n${HELP}` }]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.list) {
    process.stdout.write(`${PRESET_IDS.join('\n')}\n`);
    return;
  }
  let scenario: Scenario;
  if (values.preset !== undefined && positionals.length > 0) {
    fail([{ path: '(arguments)', message: 'give either a scenario file or --preset ID, not both' }]);
  }
  if (values.preset !== undefined) {
    const preset = getPreset(values.preset);
    if (!preset) fail([{ path: '--preset', message: `no preset '${values.preset}'; --list shows the ids` }]);
    scenario = preset;
  } else if (positionals.length === 1) {
    let text: string;
    try {
      text = readFileSync(positionals[0]!, 'utf8');
    } catch (e) {
      fail([{ path: positionals[0]!, message: `cannot read the file: ${(e as Error).message}` }]);
    }
    const result = parseScenarioJson(text);
    if (!result.ok) fail(result.errors);
    for (const w of result.warnings) process.stderr.write(`warning: ${w.path}: ${w.message}\n`);
    scenario = result.scenario;
  } else {
    fail([{ path: '(arguments)', message: `give one scenario file or --preset ID\n${HELP}` }]);
  }
  const seed = values.seed === undefined || !/^\d+$/.test(values.seed) ? undefined : Number(values.seed);
  if (values.seed !== undefined && !(seed !== undefined && seed <= 0xffffffff)) {
    fail([{ path: '--seed', message: `'${values.seed}' is not a whole number from 0 to 4294967295` }]);
  }
  if (values.until !== undefined) {
    const until = Number(values.until);
    if (!(until > 0 && Number.isFinite(until)))
      fail([{ path: '--until', message: `'${values.until}' is not a positive number of seconds` }]);
    scenario = { ...scenario, simulation: { ...scenario.simulation, untilSeconds: until } };
  }
  const sim = createSimulation(scenario, seed === undefined ? {} : { seed });
  sim.run();
  const results = sim.results({ trace: Boolean(values.trace) });
  process.stdout.write(`${JSON.stringify(results, null, values.compact ? undefined : 2)}\n`);
}

main(process.argv.slice(2));
