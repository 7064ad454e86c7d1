// @vitest-environment happy-dom
import { act } from 'react';
import { useReactHost } from '../../helpers/reactHost';
import { describe, expect, it, vi } from 'vitest';
import { RULES } from '../../../src/engine/rules';
import { getPreset } from '../../../src/scenarios/presets';
import type { Scenario } from '../../../src/scenarios/schema';
import { validateScenario } from '../../../src/scenarios/validate';
import type { ScenarioWarning } from '../../../src/scenarios/warnings';
import { WarningsPanel } from '../../../src/ui/warnings/WarningsPanel';

const view = useReactHost();

function mount(
  scenario: Scenario,
  onSeeItHappen: (s: unknown, title: string) => void = () => {},
  onFix?: (w: ScenarioWarning) => void,
) {
  act(() =>
    view.root.render(
      <WarningsPanel scenario={scenario} onSeeItHappen={onSeeItHappen} {...(onFix ? { onFix } : {})} />,
    ),
  );
}

const items = () => [...view.host.querySelectorAll<HTMLLIElement>('ul.warnings-list > li')];
const buttons = (li: Element) => [...li.querySelectorAll('button')];
/** The accessible name of a button: its text, hidden parts included. */
const nameOf = (b: Element) => b.textContent;

describe('WarningsPanel', () => {
  it('is a section named by its heading, listing each warning as a list item named by its title', () => {
    mount(getPreset('sqs-visibility-too-short')!);
    const section = view.host.querySelector('section')!;
    expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Configuration pitfalls',
    );
    const titles = items().map(
      (li) => document.getElementById(li.getAttribute('aria-labelledby')!)?.textContent,
    );
    expect(titles).toContain('Visibility timeout shorter than the function timeout');
    expect(view.host.querySelector('.warnings-count')?.textContent).toBe(
      `${items().length} known pitfalls in this configuration:`,
    );
  });

  it('shows the reason, the setting in AWS’s name with its resource, and the rule linked to its AWS page', () => {
    mount(getPreset('sqs-visibility-too-short')!);
    const li = items()[0]!;
    expect(li.querySelector('.warning-reason')?.textContent).toContain('VisibilityTimeout of 5 s');
    expect(li.querySelector('code')?.textContent).toBe('VisibilityTimeout');
    expect(li.querySelector('.warning-facts')?.textContent).toContain('of the SQS queue orders-queue');
    const link = li.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(RULES['§3.2'].url);
    expect(link.textContent).toContain('§3.2');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noreferrer');
    expect(link.textContent).toContain('opens in a new tab');
  });

  it('"See it happen" hands a valid demonstration scenario and the warning’s title to the shell', () => {
    const onSeeItHappen = vi.fn();
    mount(getPreset('kinesis-poison-blocks-shard')!, onSeeItHappen);
    const li = items().find((i) => i.textContent?.includes('blocks its shard'))!;
    const see = buttons(li).find((b) => b.textContent?.startsWith('See it happen'))!;
    expect(nameOf(see)).toBe('See it happen: A poison record can block its shard until it expires');
    act(() => see.click());
    expect(onSeeItHappen).toHaveBeenCalledTimes(1);
    const [scenario, title] = onSeeItHappen.mock.calls[0]!;
    expect(title).toBe('A poison record can block its shard until it expires');
    const validated = validateScenario(scenario);
    expect(validated.ok).toBe(true);
  });

  it('offers "Fork with the fix" and lists what it changes only when onFix is given', () => {
    mount(getPreset('sqs-redrive-to-dlq')!);
    expect(view.host.textContent).not.toContain('Fork with the fix');
    const onFix = vi.fn();
    mount(getPreset('sqs-redrive-to-dlq')!, () => {}, onFix);
    const li = items().find((i) => i.textContent?.includes('maxReceiveCount below 5'))!;
    expect(li.querySelector('.warning-fix')?.textContent).toBe('Set RedrivePolicy.maxReceiveCount to 5');
    const fork = buttons(li).find((b) => b.textContent?.startsWith('Fork with the fix'))!;
    expect(nameOf(fork)).toBe('Fork with the fix: maxReceiveCount below 5');
    act(() => fork.click());
    expect(onFix).toHaveBeenCalledWith(expect.objectContaining({ id: 'sqs-max-receive-count-below-5' }));
  });

  it('every button is a real button of type "button" with a distinct name', () => {
    mount(
      getPreset('sqs-visibility-too-short')!,
      () => {},
      () => {},
    );
    const all = items().flatMap(buttons);
    expect(all.length).toBe(items().length * 2);
    expect(all.every((b) => b.getAttribute('type') === 'button')).toBe(true);
    expect(new Set(all.map(nameOf)).size).toBe(all.length);
  });

  it('says so in one line when there is nothing to warn about', () => {
    mount(getPreset('default')!);
    expect(items()).toHaveLength(0);
    expect(view.host.querySelector('.warnings-none')?.textContent).toBe(
      'This configuration has none of the known pitfalls.',
    );
  });

  it('follows a new scenario', () => {
    mount(getPreset('default')!);
    expect(items()).toHaveLength(0);
    mount(getPreset('api-gateway-timeout')!);
    expect(items().map((li) => li.querySelector('h3')?.textContent)).toEqual([
      'API Gateway stops waiting before the function times out',
    ]);
  });
});
