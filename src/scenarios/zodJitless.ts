/**
 * Zod without its just-in-time compiler. Zod builds fast object parsers with `new Function`, which the page's
 * Content Security Policy forbids (no 'unsafe-eval', docs/security.md); even its probe for eval is reported as a
 * violation. Each schema reads the setting when it is constructed, so the page's and the worker's entries import
 * this module before anything that builds a schema. Node (tests, CLI) keeps the compiler.
 *
 * This is what `z.config({ jitless: true })` does, written to the object zod keeps its settings in
 * (`globalThis.__zod_globalConfig`, shared by every copy of zod) without importing zod: the first screen does not
 * load zod, and importing it here would add about 4 KB gzip to it. tests/security/zodJitless.test.ts checks that
 * zod reads this setting.
 */
interface ZodGlobalConfig {
  jitless?: boolean;
}

// eslint-disable-next-line no-restricted-globals -- zod's settings object, not state the simulation reads
const scope = globalThis as { __zod_globalConfig?: ZodGlobalConfig };
// In place: if zod was somehow loaded already, it holds this same object.
(scope.__zod_globalConfig ??= {}).jitless = true;

export {};
