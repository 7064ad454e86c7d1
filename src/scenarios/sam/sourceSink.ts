/**
 * Where imported sources are collected, in template order. Each source's scenario path (`sources[i]`) is
 * known before it is built, so its fields can be linked to their template paths as they are read.
 */

/** `OrdersQueue` → `orders-queue`, `SQSEvent` → `sqs-event`: an id in the scenario format's alphabet. */
export function kebab(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words || 'source';
}

/** The sources of one import, with their ids, paths and the resources they use. */
export interface SourceSink {
  /** The scenario path the next source added will have. */
  nextBase(): string;
  /** Adds a built source; `templatePath` is where it was declared. */
  add(source: Record<string, unknown>, templatePath: string): void;
  /** A source id from a template name, unique among the sources so far. */
  idFor(name: string): string;
  /** Logical ids of resources the scenario uses (they get no "ignored" line). */
  used: Set<string>;
  /** Scenario paths of sources that stand for HTTP APIs (30 s integration timeout). */
  httpApis: Set<string>;
  readonly sources: Record<string, unknown>[];
  /** The template path each source was declared at, by index. */
  readonly paths: string[];
}

/** An empty sink for one import. */
export function createSourceSink(): SourceSink {
  const sources: Record<string, unknown>[] = [];
  const paths: string[] = [];
  const ids = new Set<string>();
  return {
    nextBase: () => `sources[${sources.length}]`,
    add(source, templatePath) {
      sources.push(source);
      paths.push(templatePath);
    },
    idFor(name) {
      const base = kebab(name);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      return id;
    },
    used: new Set(),
    httpApis: new Set(),
    sources,
    paths,
  };
}
