/**
 * The page's Content Security Policy forbids eval (docs/security.md): zod must build and run the scenario schema
 * without ever calling the Function constructor once src/scenarios/zodJitless.ts has been imported first, as the
 * page's and the worker's entries do.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

const zodScope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
const RealFunction = globalThis.Function;
let constructed: string[];
let jitlessBefore: boolean | undefined;

beforeEach(() => {
  jitlessBefore = zodScope.__zod_globalConfig?.jitless;
  constructed = [];
  // Every `Function(...)` and `new Function(...)` is recorded, then done as usual.
  globalThis.Function = new Proxy(RealFunction, {
    construct(target, args: string[]) {
      constructed.push(args.join(', ').slice(0, 80));
      return Reflect.construct(target, args) as object;
    },
    apply(target, self, args: string[]) {
      constructed.push(args.join(', ').slice(0, 80));
      return Reflect.apply(target, self, args) as unknown;
    },
  });
  vi.resetModules();
});

afterEach(() => {
  globalThis.Function = RealFunction;
  if (zodScope.__zod_globalConfig) zodScope.__zod_globalConfig.jitless = jitlessBefore;
});

test('with zodJitless imported first, the scenario schema is built and validates without the Function constructor', async () => {
  await import('../../src/scenarios/zodJitless');
  const { validateScenario } = await import('../../src/scenarios/validate');
  const { z } = await import('zod');
  // What zod itself reads.
  expect(z.config().jitless).toBe(true);
  const preset = (await import('../../src/scenarios/presets/async-dlq.json')).default;
  expect(validateScenario(preset).ok).toBe(true);
  expect(validateScenario({ ...preset, function: { Timeout: 901 } }).ok).toBe(false);
  expect(constructed).toEqual([]);
});

test('without it, zod compiles its object parsers with the Function constructor (what the policy would refuse)', async () => {
  const { z } = await import('zod');
  z.config({ jitless: false });
  const schema = z.object({ a: z.string(), b: z.number() });
  expect(schema.parse({ a: 'x', b: 1 })).toEqual({ a: 'x', b: 1 });
  expect(constructed.length).toBeGreaterThan(0);
});
