/**
 * The import report: what was understood, what was assumed, what was ignored, and what AWS or the
 * simulator warns about. Every line names the template field it is about, so a reader can find it.
 */

/** One line of the report: a template path (e.g. `Resources.OrdersFn.Properties.Timeout`) and what it says. */
export interface ReportLine {
  path: string;
  message: string;
  /** 1-based line of the field in the template text, when known. */
  line?: number;
}

/** The report of one import, in four groups. */
export interface ImportReport {
  /** Template fields mapped onto the scenario. */
  understood: ReportLine[];
  /** Values the template does not give and the importer chose (workload, behaviour, generated names…). */
  assumed: ReportLine[];
  /** Template fields the simulator cannot express, with the reason. */
  ignored: ReportLine[];
  /** Warnings of the scenario's validation (AWS's advice, rejected settings the simulator still runs). */
  warnings: ReportLine[];
}

/** Where a field starts in the template text. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Collects report lines, attaching line numbers, and remembers which template field each scenario field came from. */
export interface ReportBuilder {
  understood(path: string, message: string): void;
  assumed(path: string, message: string): void;
  ignored(path: string, message: string): void;
  warning(path: string, message: string): void;
  /** Records that the scenario field at `scenarioPath` (e.g. `function.Timeout`) came from `templatePath`. */
  origin(scenarioPath: string, templatePath: string): void;
  /** The template path a scenario path came from: the nearest recorded ancestor, or undefined. */
  templatePathOf(scenarioPath: string): string | undefined;
  /** The line of a template path (or of its nearest ancestor that has one). */
  lineOf(templatePath: string): number | undefined;
  readonly report: ImportReport;
}

/** The parent of a dotted path with indexes: `a.b[0].c` → `a.b[0]` → `a.b` → `a` → ''. */
export function parentPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const bracket = path.lastIndexOf('[');
  const cut = Math.max(dot, bracket);
  return cut <= 0 ? '' : path.slice(0, cut);
}

/** A report builder over the positions the parser recorded. */
export function createReportBuilder(positions: ReadonlyMap<string, SourcePosition>): ReportBuilder {
  const report: ImportReport = { understood: [], assumed: [], ignored: [], warnings: [] };
  const origins = new Map<string, string>();
  const lineOf = (templatePath: string): number | undefined => {
    for (let p = templatePath; p; p = parentPath(p)) {
      const found = positions.get(p);
      if (found) return found.line;
    }
    return undefined;
  };
  const add = (group: ReportLine[]) => (path: string, message: string) => {
    // The same remark about the same field once is enough (a resource read by two mappings, say).
    if (group.some((l) => l.path === path && l.message === message)) return;
    const line = lineOf(path);
    group.push(line === undefined ? { path, message } : { path, message, line });
  };
  return {
    understood: add(report.understood),
    assumed: add(report.assumed),
    ignored: add(report.ignored),
    warning: add(report.warnings),
    origin(scenarioPath, templatePath) {
      origins.set(scenarioPath, templatePath);
    },
    templatePathOf(scenarioPath) {
      for (let p = scenarioPath; p; p = parentPath(p)) {
        const found = origins.get(p);
        if (found !== undefined) return found;
      }
      return undefined;
    },
    lineOf,
    report,
  };
}
