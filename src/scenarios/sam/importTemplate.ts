/**
 * SAM / CloudFormation template → scenario. Reads the text, resolves what intrinsics it can, maps one
 * function with its event sources onto the scenario format, adds an assumed workload and behaviour, and
 * validates the result with the same gate as every other scenario. The report says, field by field, what
 * was understood, assumed and ignored; validation problems point back at the template field.
 */
import { validateScenario, type ValidationIssue } from '../validate';
import { importCfnResources, type FunctionTarget } from './cfnResources';
import { asyncEvent, defaultBehavior } from './defaultWorkload';
import { mergeGlobals } from './globals';
import { importFunction } from './importFunction';
import { parseTemplate } from './parseTemplate';
import { Props, locateUnder, propsOf } from './propertyReader';
import { createReportBuilder, type ImportReport, type ReportBuilder, type ReportLine } from './report';
import { arnOf, type Account } from './resourceNames';
import { importSamEvents, REST_API_TIMEOUT_MS, HTTP_API_TIMEOUT_MS } from './samEvents';
import { createSourceSink, kebab, type SourceSink } from './sourceSink';
import { createTemplateContext, type TemplateContext, type TemplateResource } from './templateContext';

/** Options of `importTemplate`. */
export interface ImportOptions {
  /** The function to import when the template has several (default: the first). */
  functionLogicalId?: string;
  /** What `AWS::Region` and ARNs use (default us-east-1). */
  region?: string;
  /** What `AWS::AccountId` and ARNs use (default 123456789012). */
  accountId?: string;
}

/** A scenario with its report, or the errors (with the report so far when there is one). */
export type ImportResult =
  | {
      ok: true;
      /** Raw scenario JSON; it passes `validateScenario`. */
      scenario: Record<string, unknown>;
      /** The scenario's title, for the caller to show. */
      title: string;
      /** Logical ids of the template's functions, in template order. */
      functions: string[];
      /** The function imported. */
      functionLogicalId: string;
      report: ImportReport;
    }
  | { ok: false; errors: ReportLine[]; functions: string[]; report?: ImportReport };

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
const DEFAULT_ACCOUNT: Account = { region: 'us-east-1', accountId: '123456789012' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function failure(
  path: string,
  message: string,
  functions: string[] = [],
  report?: ImportReport,
): ImportResult {
  return { ok: false, errors: [{ path, message }], functions, ...(report ? { report } : {}) };
}

const IGNORED_TYPES: Array<[RegExp, string]> = [
  [/^AWS::IAM::/, 'permissions are not simulated'],
  [
    /^AWS::(ApiGateway|ApiGatewayV2)::|^AWS::Serverless::(Api|HttpApi)$/,
    'API settings are not simulated; only the integration timeout of the function’s route matters',
  ],
  [/^AWS::Logs::/, 'logging is not simulated'],
  [/^AWS::CloudWatch::/, 'alarms and dashboards are not simulated'],
  [/^AWS::Lambda::(LayerVersion|Permission|Url)$|^AWS::Serverless::LayerVersion$/, 'not simulated'],
];

function ignoredReason(resource: TemplateResource, functions: string[]): string {
  if (functions.includes(resource.logicalId)) {
    return 'Another function: the simulator runs one function at a time; choose this one to import it instead';
  }
  const match = IGNORED_TYPES.find(([pattern]) => pattern.test(resource.type));
  return `${resource.type}: ${match ? match[1] : 'not used by the imported function’s invocations, or not simulated'}`;
}

/** ARNs the scenario names as destinations or dead-letter queues: their resources are in use. */
function destinationArns(fn: Record<string, unknown>, sources: Record<string, unknown>[]): string[] {
  const arns: unknown[] = [];
  const eic = fn.EventInvokeConfig as
    { DestinationConfig?: Record<string, { Destination?: unknown }> } | undefined;
  arns.push(eic?.DestinationConfig?.OnSuccess?.Destination, eic?.DestinationConfig?.OnFailure?.Destination);
  arns.push((fn.DeadLetterConfig as { TargetArn?: unknown } | undefined)?.TargetArn);
  for (const source of sources) {
    const mapping = source.mapping as
      { DestinationConfig?: Record<string, { Destination?: unknown }> } | undefined;
    arns.push(mapping?.DestinationConfig?.OnFailure?.Destination);
    arns.push(
      (source.queue as { RedrivePolicy?: { deadLetterTargetArn?: unknown } } | undefined)?.RedrivePolicy
        ?.deadLetterTargetArn,
    );
  }
  return arns.filter((a): a is string => typeof a === 'string');
}

function reportSections(
  template: Record<string, unknown>,
  ctx: TemplateContext,
  report: ReportBuilder,
): void {
  const globals = isRecord(template.Globals) ? template.Globals : {};
  for (const key of Object.keys(globals)) {
    if (key !== 'Function')
      report.ignored(`Globals.${key}`, `Globals.${key}: not simulated (only Globals.Function is read)`);
  }
  for (const key of ['Outputs', 'Rules', 'Metadata']) {
    if (template[key] !== undefined) report.ignored(key, `${key}: not used by the simulation`);
  }
  const transform = JSON.stringify(template.Transform ?? '');
  if (
    ctx.resources.some((r) => r.type.startsWith('AWS::Serverless::')) &&
    !transform.includes('AWS::Serverless-2016-10-31')
  ) {
    report.warning(
      'Transform',
      'AWS::Serverless resources need "Transform: AWS::Serverless-2016-10-31" for CloudFormation to deploy them',
    );
  }
}

/** The function's properties, Globals merged in for SAM functions, intrinsics resolved. */
function functionProps(
  template: Record<string, unknown>,
  resource: TemplateResource,
  ctx: TemplateContext,
  report: ReportBuilder,
): Props {
  const own = `${resource.path}.Properties`;
  if (resource.type !== 'AWS::Serverless::Function') {
    return propsOf(ctx.resolve(resource.properties), locateUnder(own), report);
  }
  const globals =
    isRecord(template.Globals) && isRecord(template.Globals.Function) ? template.Globals.Function : undefined;
  const merged = mergeGlobals(globals, resource.properties, own);
  if (globals)
    report.understood(
      'Globals.Function',
      'Globals.Function is merged into the function (its own properties win)',
    );
  return propsOf(ctx.resolve(merged.values), merged.locate, report);
}

/** Gives a function with no event source one caller, so the scenario runs. */
function defaultCaller(
  fn: Record<string, unknown>,
  resource: TemplateResource,
  sink: SourceSink,
  report: ReportBuilder,
): void {
  const async = fn.EventInvokeConfig !== undefined || fn.DeadLetterConfig !== undefined;
  const id = sink.idFor(async ? 'client-events' : 'client');
  report.assumed(
    resource.path,
    async
      ? 'No event source: a client invokes the function asynchronously (InvocationType Event) once at 0 s, since it has asynchronous settings'
      : 'No event source: a client invokes the function synchronously (RequestResponse) once at 0 s',
  );
  sink.add(
    async
      ? { type: 'async', id, caller: 'direct', requests: asyncEvent('direct', {}) }
      : { type: 'sync', id, caller: 'direct', requests: [{ atMs: 0, payload: { orderId: 'order-1' } }] },
    resource.path,
  );
}

function mapIssue(issue: ValidationIssue, report: ReportBuilder): ReportLine {
  const path = report.templatePathOf(issue.path) ?? `(scenario) ${issue.path}`;
  const line = report.lineOf(path);
  return line === undefined ? { path, message: issue.message } : { path, message: issue.message, line };
}

/** An HTTP API's 30 s timeout is its normal maximum; the validator's REST-API quota note does not apply to it. */
function isHttpApiQuotaNote(
  issue: ValidationIssue,
  sink: SourceSink,
  sources: Record<string, unknown>[],
): boolean {
  const m = /^(sources\[(\d+)\])\.TimeoutInMillis$/.exec(issue.path);
  if (!m || !sink.httpApis.has(m[1]!)) return false;
  const timeout = sources[Number(m[2])]!.TimeoutInMillis;
  return typeof timeout === 'number' && timeout > REST_API_TIMEOUT_MS && timeout <= HTTP_API_TIMEOUT_MS;
}

function importParsed(
  template: Record<string, unknown>,
  positions: Parameters<typeof createReportBuilder>[0],
  notes: ReportLine[],
  options: ImportOptions,
): ImportResult {
  if (!isRecord(template.Resources) || Object.keys(template.Resources).length === 0) {
    return failure(
      'Resources',
      'The template has no Resources: a SAM or CloudFormation template declares its function under Resources.',
    );
  }
  const account = {
    region: options.region ?? DEFAULT_ACCOUNT.region,
    accountId: options.accountId ?? DEFAULT_ACCOUNT.accountId,
  };
  const ctx = createTemplateContext(template, account);
  const functions = ctx.resources.filter((r) => FUNCTION_TYPES.has(r.type)).map((r) => r.logicalId);
  if (functions.length === 0) {
    return failure(
      'Resources',
      'No function: the template has no AWS::Serverless::Function or AWS::Lambda::Function resource, and the simulator needs one to invoke.',
    );
  }
  const chosenId = options.functionLogicalId ?? functions[0]!;
  const resource = ctx.resource(chosenId);
  if (!resource || !FUNCTION_TYPES.has(resource.type)) {
    return failure(
      'Resources',
      `No function ${chosenId} in the template; its functions are ${functions.join(', ')}.`,
      functions,
    );
  }
  const report = createReportBuilder(positions);
  for (const n of notes) report.ignored(n.path, n.message);
  if (functions.length > 1) {
    report.assumed(
      'Resources',
      `The template has ${functions.length} functions (${functions.join(', ')}); the simulator runs one at a time, and ${chosenId} is imported`,
    );
  }
  if (ctx.created(resource) === false)
    report.warning(
      resource.path,
      `The function’s Condition ${resource.condition} is false: CloudFormation would not create it`,
    );

  const props = functionProps(template, resource, ctx, report);
  report.origin('function', resource.path);
  const fn = importFunction(resource, props, ctx, report);
  const name = String(fn.FunctionName);
  const target: FunctionTarget = { resource, name, arn: arnOf(resource.type, name, account)!, fn };
  const sink = createSourceSink();
  if (resource.type === 'AWS::Serverless::Function')
    importSamEvents(props.object('Events'), resource.logicalId, sink, ctx, report);
  const consumed = importCfnResources(target, sink, ctx, report);
  if (sink.sources.length === 0) defaultCaller(fn, resource, sink, report);
  sink.paths.forEach((path, i) => report.origin(`sources[${i}]`, path));

  const behindApi = sink.sources.some((s) => s.caller === 'api-gateway');
  fn.behavior = defaultBehavior(behindApi);
  report.assumed(
    resource.path,
    `Behaviour: the handler succeeds in 100 ms${behindApi ? ' with a {"statusCode":200} proxy response' : ''}, with a 250 ms Init on a cold start; change function.behavior to add failures`,
  );

  for (const arn of destinationArns(fn, sink.sources)) {
    const found = ctx.findByArn(arn);
    if (found) sink.used.add(found.logicalId);
  }
  for (const other of ctx.resources) {
    if (other === resource || consumed.has(other.logicalId) || sink.used.has(other.logicalId)) continue;
    const created = ctx.created(other);
    report.ignored(
      other.path,
      created === false
        ? `Condition ${other.condition} is false: CloudFormation would not create it`
        : ignoredReason(other, functions),
    );
  }
  reportSections(template, ctx, report);

  const description = [template.Description, props.values.Description].find((d) => typeof d === 'string') as
    string | undefined;
  const title = `${name} (imported)`;
  const scenario: Record<string, unknown> = {
    id: kebab(name).replace(/^source$/, 'imported-function'),
    title,
    description: `${description ? `${description} ` : ''}Imported from a template: the workload and the handler’s behaviour are assumed.`,
    group: sink.sources.some((s) => ['sqs', 'kinesis', 'dynamodb'].includes(String(s.type)))
      ? 'poll-based'
      : sink.sources.some((s) => s.type === 'async')
        ? 'asynchronous'
        : 'synchronous',
    ...(account.region !== DEFAULT_ACCOUNT.region || account.accountId !== DEFAULT_ACCOUNT.accountId
      ? { account: { Region: account.region, AccountId: account.accountId } }
      : {}),
    function: fn,
    sources: sink.sources,
  };
  const validated = validateScenario(scenario);
  if (!validated.ok) {
    return {
      ok: false,
      errors: validated.errors.map((e) => mapIssue(e, report)),
      functions,
      report: report.report,
    };
  }
  for (const w of validated.warnings) {
    if (isHttpApiQuotaNote(w, sink, sink.sources)) continue;
    const line = mapIssue(w, report);
    report.warning(line.path, line.message);
  }
  return { ok: true, scenario, title, functions, functionLogicalId: chosenId, report: report.report };
}

/**
 * Imports a SAM or CloudFormation template (YAML or JSON) as a scenario of one of its functions (the first
 * unless `options.functionLogicalId` says otherwise). Never throws.
 */
export function importTemplate(text: string, options: ImportOptions = {}): ImportResult {
  try {
    const parsed = parseTemplate(text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors, functions: [] };
    const { value, positions, notes } = parsed.template;
    if (!isRecord(value)) {
      return failure(
        '(template)',
        'This is not a template: a SAM or CloudFormation template is a mapping with a Resources section.',
      );
    }
    return importParsed(value, positions, notes, options);
  } catch (e) {
    // Only a bug gets here; the user's text is kept by the caller and the message says what broke.
    return failure(
      '(template)',
      `The template could not be imported: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
