/** Reading an event's `data` safely, and the types describeEvent and its helpers share. */
import { formatDuration } from './format';

export type ArticleStep =
  | 'Invocation Request'
  | 'Lambda Processing'
  | 'Accepted Response'
  | 'Event Queuing'
  | 'Function Execution'
  | 'Timeout Handling'
  | 'Response Generation'
  | 'Return Response'
  | 'Handling Failures'
  | 'Completion';

export interface EventDescription {
  /** The source article's step this event belongs to, when one fits. */
  step: ArticleStep | null;
  /** One sentence, without the step. */
  text: string;
}

export type Data = Record<string, unknown>;

export function num(data: Data, key: string): number | undefined {
  const v = data[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function str(data: Data, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function ms(data: Data, key: string): string {
  const v = num(data, key);
  return v === undefined ? 'some time' : formatDuration(v);
}

export function throttleReason(data: Data): string {
  const reason = str(data, 'reason');
  return reason ? ` (${reason})` : '';
}
