/**
 * A template's sections made into a lookup for intrinsic functions: parameters with their defaults,
 * pseudo parameters, mappings, conditions and resources (their names, ARNs and conditions). Also finds
 * the resource an ARN or queue URL points at, so an event source can read its queue's settings.
 */
import {
  evaluateCondition,
  resolveIntrinsics,
  Unresolved,
  NO_VALUE,
  type IntrinsicScope,
} from './intrinsics';
import { childPath } from './parseTemplate';
import {
  arnOf,
  attributeValue,
  generatedName,
  NAME_PROPERTY,
  queueUrl,
  refValue,
  type Account,
} from './resourceNames';

/** One entry of the Resources section. */
export interface TemplateResource {
  logicalId: string;
  type: string;
  /** `Resources.<logicalId>` */
  path: string;
  /** The properties as written (intrinsics unresolved). */
  properties: Record<string, unknown>;
  /** The resource's own `Condition`, if any. */
  condition?: string;
}

/** A resource's physical name: given in the template, or the logical id standing in for a generated one. */
export interface PhysicalName {
  name: string;
  explicit: boolean;
  /** Why an explicit name could not be read, when it could not. */
  unresolved?: string;
}

/** Lookups over one template in one account: resources, names, ARNs and resolution. */
export interface TemplateContext {
  account: Account;
  resources: TemplateResource[];
  resource(logicalId: string): TemplateResource | undefined;
  /** Resolves intrinsics inside a value. */
  resolve(value: unknown): unknown;
  /** Whether the resource is created: its condition holds (or cannot be decided, which counts as yes). */
  created(resource: TemplateResource): boolean | Unresolved;
  physicalName(resource: TemplateResource): PhysicalName;
  /** The resource whose ARN (or, for queues, URL) this is; DynamoDB stream ARNs find their table. */
  findByArn(arnOrUrl: string): TemplateResource | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const LIST_TYPE = /^(CommaDelimitedList|List<.*>)$/;

function parameterValue(name: string, definition: unknown): unknown {
  if (!isRecord(definition)) return new Unresolved(`parameter ${name} is not defined properly`);
  const type = typeof definition.Type === 'string' ? definition.Type : 'String';
  if (type.startsWith('AWS::SSM::Parameter::Value')) {
    return new Unresolved(`parameter ${name} reads its value from SSM Parameter Store at deployment`);
  }
  if (definition.Default === undefined) {
    return new Unresolved(`parameter ${name} has no Default: its value is given at deployment`);
  }
  if (LIST_TYPE.test(type) && typeof definition.Default === 'string') {
    return definition.Default.split(',').map((s) => s.trim());
  }
  return definition.Default;
}

/** Builds the lookup for one template (an object with a Resources section) in the given account. */
export function createTemplateContext(template: Record<string, unknown>, account: Account): TemplateContext {
  const section = (name: string) =>
    isRecord(template[name]) ? (template[name] as Record<string, unknown>) : {};
  const parameters = section('Parameters');
  const mappings = section('Mappings');
  const conditions = section('Conditions');
  const resources: TemplateResource[] = Object.entries(section('Resources')).flatMap(([logicalId, raw]) => {
    if (!isRecord(raw) || typeof raw.Type !== 'string') return [];
    return [
      {
        logicalId,
        type: raw.Type,
        path: childPath('Resources', logicalId),
        properties: isRecord(raw.Properties) ? raw.Properties : {},
        ...(typeof raw.Condition === 'string' ? { condition: raw.Condition } : {}),
      },
    ];
  });
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const pseudo: Record<string, unknown> = {
    'AWS::Region': account.region,
    'AWS::AccountId': account.accountId,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::StackName': 'sam-app',
    'AWS::StackId': `arn:aws:cloudformation:${account.region}:${account.accountId}:stack/sam-app/00000000-0000-0000-0000-000000000000`,
    'AWS::NotificationARNs': [],
    'AWS::NoValue': NO_VALUE,
  };
  const conditionMemo = new Map<string, boolean | Unresolved>();
  const nameMemo = new Map<string, PhysicalName>();
  const inProgress = new Set<string>();

  const scope: IntrinsicScope = {
    region: account.region,
    ref(name) {
      if (Object.hasOwn(parameters, name)) return parameterValue(name, parameters[name]);
      if (Object.hasOwn(pseudo, name)) return pseudo[name];
      const resource = byId.get(name);
      if (!resource) return new Unresolved(`${name} is neither a parameter nor a resource of the template`);
      return refValue(resource.type, name, ctx.physicalName(resource).name, account);
    },
    getAtt(logicalId, attribute) {
      const resource = byId.get(logicalId);
      if (!resource) return new Unresolved(`${logicalId} is not a resource of the template`);
      const { name } = ctx.physicalName(resource);
      return attributeValue(resource.type, logicalId, name, attribute, account, resource.properties);
    },
    findInMap(map, top, second) {
      const found = (mappings[map] as Record<string, Record<string, unknown>> | undefined)?.[top]?.[second];
      return found === undefined ? new Unresolved(`Mappings has no ${map}.${top}.${second}`) : found;
    },
    condition(name) {
      const memo = conditionMemo.get(name);
      if (memo !== undefined) return memo;
      if (!Object.hasOwn(conditions, name)) return new Unresolved(`there is no condition named ${name}`);
      if (inProgress.has(`condition:${name}`)) return new Unresolved(`condition ${name} refers to itself`);
      inProgress.add(`condition:${name}`);
      const held = evaluateCondition(conditions[name], scope);
      inProgress.delete(`condition:${name}`);
      conditionMemo.set(name, held);
      return held;
    },
  };

  let arnIndex: Map<string, TemplateResource> | undefined;
  const indexByArn = (): Map<string, TemplateResource> => {
    if (arnIndex) return arnIndex;
    arnIndex = new Map();
    for (const resource of resources) {
      if (!NAME_PROPERTY[resource.type]) continue;
      const { name } = ctx.physicalName(resource);
      const arn = arnOf(resource.type, name, account);
      if (arn && !arnIndex.has(arn)) arnIndex.set(arn, resource);
      if (resource.type === 'AWS::SQS::Queue') arnIndex.set(queueUrl(name, account), resource);
    }
    return arnIndex;
  };

  const ctx: TemplateContext = {
    account,
    resources,
    resource: (logicalId) => byId.get(logicalId),
    resolve: (value) => resolveIntrinsics(value, scope),
    created(resource) {
      if (resource.condition === undefined) return true;
      return scope.condition(resource.condition) as boolean | Unresolved;
    },
    physicalName(resource) {
      const memo = nameMemo.get(resource.logicalId);
      if (memo) return memo;
      const fallback = generatedName(resource.type, resource.logicalId, resource.properties);
      const property = NAME_PROPERTY[resource.type];
      const written = property ? resource.properties[property] : undefined;
      let result: PhysicalName = { name: fallback, explicit: false };
      if (written !== undefined && !inProgress.has(`name:${resource.logicalId}`)) {
        inProgress.add(`name:${resource.logicalId}`);
        const value = ctx.resolve(written);
        inProgress.delete(`name:${resource.logicalId}`);
        if (typeof value === 'string' && value) result = { name: value, explicit: true };
        else if (value instanceof Unresolved) result = { ...result, unresolved: value.reason };
      }
      nameMemo.set(resource.logicalId, result);
      return result;
    },
    findByArn(arnOrUrl) {
      const index = indexByArn();
      const direct = index.get(arnOrUrl);
      if (direct) return direct;
      const stream = /^(arn:aws[a-z-]*:dynamodb:[^:]*:\d*:table\/[^/]+)\/stream\//.exec(arnOrUrl);
      return stream ? index.get(stream[1]!) : undefined;
    },
  };
  return ctx;
}
