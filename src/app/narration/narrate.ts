/**
 * The narration of one log event: what happened (describeEvent's sentence and article step), why (the
 * rule in plain words, with the scenario's numbers), the rule's section and AWS page, and a correction
 * where this very event shows the source article to be wrong. Everything is derived from the log and
 * the scenario's settings; nothing is written per preset.
 */
import { RULES, type RuleInfo } from '../../engine/rules';
import type { SimEvent } from '../../engine/types';
import type { Scenario } from '../../scenarios/schema';
import { describeEventParts } from '../describeEvent';
import { correctionFor } from './corrections';
import type { Narration, NarrationRule, WhyContext } from './types';
import { whyInvoke } from './whyInvoke';
import { whyPoll } from './whyPoll';

const DEVELOPER_GUIDE = 'https://docs.aws.amazon.com/lambda/latest/dg/welcome.html';

/** The rule an event names, from RULES; a section RULES lacks still links to the developer guide. */
export function ruleOf(event: SimEvent): NarrationRule {
  const info: RuleInfo | undefined = (RULES as Record<string, RuleInfo>)[event.rule];
  return info
    ? { section: info.section, title: info.title, url: info.url }
    : { section: event.rule, title: 'AWS Lambda Developer Guide', url: DEVELOPER_GUIDE };
}

/** The rule in words when no specific sentence exists for the event's type. */
function fallbackWhy(rule: NarrationRule): string {
  return `This follows the rule "${rule.title}".`;
}

/** The narration of event `index` of the log (the scenario supplies the settings the "why" quotes). */
export function narrate(log: readonly SimEvent[], index: number, scenario?: Scenario): Narration {
  const event = log[index];
  if (!event) throw new RangeError(`no event ${index} in a log of ${log.length}`);
  const { step, text } = describeEventParts(event);
  const rule = ruleOf(event);
  const c: WhyContext = { log, index, scenario };
  const why = whyInvoke(c) ?? whyPoll(c) ?? fallbackWhy(rule);
  const correction = correctionFor(log, index, scenario);
  return { seq: event.seq, t: event.t, step, what: text, why, rule, ...(correction ? { correction } : {}) };
}
