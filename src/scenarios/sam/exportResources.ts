/**
 * The resources of an exported template and their logical ids. A queue, topic, event bus or bucket that
 * the scenario names by ARN in its own account and Region becomes a resource of the template, referenced
 * with `!GetAtt`/`!Ref`, so the template deploys on its own; other ARNs stay as written.
 */
import { Scalar } from 'yaml';
import { parseArn } from './resourceNames';

/** `!GetAtt Id.Attr` as a YAML node. */
export function getAtt(logicalId: string, attribute: string): Scalar {
  const node = new Scalar(`${logicalId}.${attribute}`);
  node.tag = '!GetAtt';
  return node;
}

/** `!Ref Id` as a YAML node. */
export function ref(logicalId: string): Scalar {
  const node = new Scalar(logicalId);
  node.tag = '!Ref';
  return node;
}

/** `orders-queue.fifo` → `OrdersQueueFifo`: letters and digits only, as logical ids must be. */
export function pascal(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(id) ? id : `R${id}`;
}

/** Collects resources in the order they are added; one resource per ARN. */
export class ResourceRegistry {
  readonly resources: Record<string, unknown> = {};
  private readonly byArn = new Map<string, unknown>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  /** A logical id from a name, with `suffix` added when the name alone is taken. */
  uniqueId(name: string, suffix: string): string {
    let id = pascal(name);
    if (Object.hasOwn(this.resources, id)) id = `${id}${suffix}`;
    for (let n = 2; Object.hasOwn(this.resources, id); n++) id = `${pascal(name)}${suffix}${n}`;
    return id;
  }

  add(logicalId: string, type: string, properties: Record<string, unknown>): void {
    this.resources[logicalId] = { Type: type, Properties: properties };
  }

  /** Remembers which reference stands for an ARN (a source's queue, say), so later uses share it. */
  remember(arn: string, reference: unknown): void {
    this.byArn.set(arn, reference);
  }

  /** True when an ARN is in the scenario's own account and Region (S3 ARNs name neither). */
  private isLocal(arn: string): boolean {
    const parts = parseArn(arn);
    if (!parts) return false;
    if (parts.service === 's3') return true;
    return parts.region === this.region && parts.account === this.accountId;
  }

  /**
   * What a template writes for a destination, DLQ or redrive target: a reference to a resource created for
   * it when the ARN is a queue, topic, event bus or bucket of the scenario's account; the ARN otherwise.
   */
  target(arn: string): unknown {
    const known = this.byArn.get(arn);
    if (known !== undefined) return known;
    const parts = parseArn(arn);
    if (!parts || !this.isLocal(arn)) return arn;
    const name = parts.service === 'events' ? parts.resource.replace(/^event-bus\//, '') : parts.resource;
    let reference: unknown = arn;
    if (parts.service === 'sqs') {
      const id = this.uniqueId(name, 'Queue');
      this.add(id, 'AWS::SQS::Queue', {
        QueueName: name,
        ...(name.endsWith('.fifo') ? { FifoQueue: true } : {}),
      });
      reference = getAtt(id, 'Arn');
    } else if (parts.service === 'sns') {
      const id = this.uniqueId(name, 'Topic');
      this.add(id, 'AWS::SNS::Topic', {
        TopicName: name,
        ...(name.endsWith('.fifo') ? { FifoTopic: true } : {}),
      });
      reference = ref(id); // a topic's Ref is its ARN
    } else if (parts.service === 'events' && name !== 'default' && !name.includes('/')) {
      const id = this.uniqueId(name, 'Bus');
      this.add(id, 'AWS::Events::EventBus', { Name: name });
      reference = getAtt(id, 'Arn');
    } else if (parts.service === 's3' && !name.includes('/')) {
      const id = this.uniqueId(name, 'Bucket');
      this.add(id, 'AWS::S3::Bucket', { BucketName: name });
      reference = getAtt(id, 'Arn');
    }
    this.byArn.set(arn, reference);
    return reference;
  }
}
