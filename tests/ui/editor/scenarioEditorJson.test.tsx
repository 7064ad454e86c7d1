// @vitest-environment happy-dom
/**
 * The editor's JSON view and switching modes: one draft behind both, syntax errors with line and column,
 * schema errors with path and message, the text never lost, and no switch to the form from broken JSON.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { presetSource } from '../../../src/scenarios/presets/presetSources';
import {
  button,
  click,
  control,
  fieldIssues,
  mountEditor,
  summary,
  textarea,
  type,
  type Harness,
} from './editorHarness';

let editor: Harness | undefined;
afterEach(() => {
  editor?.unmount();
  editor = undefined;
});

function open(presetId: string): Harness {
  editor = mountEditor(presetSource(presetId));
  return editor;
}

const toJson = (host: HTMLElement) => click(button(host, 'JSON'));
const toForm = (host: HTMLElement) => click(button(host, 'Form'));
const modePressed = (host: HTMLElement, name: string) => button(host, name).getAttribute('aria-pressed');
const problems = (host: HTMLElement) =>
  [...host.querySelectorAll('.editor-json-problems .editor-issue')].map((li) => li.textContent ?? '');

/** A scenario's JSON with a missing comma on line 3 (after `"id": "default"`). */
function brokenText(host: HTMLElement): string {
  return textarea(host).value.replace('"id": "default",', '"id": "default"');
}

describe('ScenarioEditor JSON view', () => {
  it('shows the whole scenario as JSON, labelled, with the form’s edits in it', () => {
    const { host } = open('default');
    type(control(host, 'function.Timeout'), '901');
    toJson(host);
    expect(modePressed(host, 'JSON')).toBe('true');
    const area = textarea(host);
    const label = [...host.querySelectorAll('label')].find((l) => l.htmlFor === area.id);
    expect(label?.textContent).toBe('Scenario JSON');
    const json = JSON.parse(area.value) as { id: string; function: { Timeout: unknown } };
    expect(json.id).toBe('default');
    expect(json.function.Timeout).toBe(901);
    // The same error, now listed with its path.
    expect(problems(host)).toEqual([
      "Error: function.Timeout 1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
    ]);
    expect(area.getAttribute('aria-invalid')).toBe('true');
  });

  it('a syntax error shows line and column, keeps the text, and disables Run', () => {
    const { host, onRun } = open('default');
    toJson(host);
    const text = brokenText(host);
    type(textarea(host), text);
    expect(textarea(host).value).toBe(text);
    const error = host.querySelector('.editor-syntax-error')?.textContent ?? '';
    expect(error).toMatch(/^Syntax error at line 3, column 3: expected ',' or '}' but found "\\""/);
    expect(summary(host)).toMatch(/The JSON does not parse/);
    const run = button(host, 'Run this scenario');
    expect(run.disabled).toBe(true);
    click(run);
    expect(onRun).not.toHaveBeenCalled();
  });

  it('“Show where” puts the cursor on the syntax error', () => {
    const { host } = open('default');
    toJson(host);
    const text = brokenText(host);
    type(textarea(host), text);
    click(button(host, 'Show where'));
    const area = textarea(host);
    expect(document.activeElement).toBe(area);
    const lines = text.split('\n');
    const offset = lines.slice(0, 2).join('\n').length + 1 + 2; // line 3, column 3
    expect(area.selectionStart).toBe(offset);
  });

  it('switching to the form with broken JSON is refused with a clear message, and the text stays', () => {
    const { host } = open('default');
    toJson(host);
    const text = brokenText(host);
    type(textarea(host), text);
    toForm(host);
    expect(modePressed(host, 'JSON')).toBe('true');
    expect(textarea(host).value).toBe(text);
    const alert = host.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toMatch(/^The form cannot show this JSON: it has a syntax error at line 3, column 3/);
    expect(alert).toMatch(/your text is kept\.$/);
    // Fixing the text clears the refusal and the switch then goes through.
    type(textarea(host), text.replace('"id": "default"', '"id": "default",'));
    expect(host.querySelector('[role="alert"]')).toBeNull();
    toForm(host);
    expect(modePressed(host, 'Form')).toBe('true');
  });

  it('JSON that is not an object cannot be shown in the form either', () => {
    const { host } = open('default');
    toJson(host);
    type(textarea(host), '[1, 2]');
    expect(problems(host)).toEqual(['Error: (scenario) expected a scenario (a JSON object), got an array']);
    toForm(host);
    expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/scenario, which is a JSON object/);
    expect(textarea(host).value).toBe('[1, 2]');
  });

  it('schema errors list each field path with its message in AWS’s wording', () => {
    const { host } = open('sqs-batch-success');
    toJson(host);
    const json = JSON.parse(textarea(host).value) as { sources: Array<{ mapping: Record<string, unknown> }> };
    json.sources[0]!.mapping.BatchSize = 100;
    json.sources[0]!.mapping.MaximumBatchingWindowInSeconds = 0;
    (json as Record<string, unknown>).Title = 'typo';
    type(textarea(host), JSON.stringify(json, null, 2));
    expect(problems(host)).toEqual([
      "Error: Title unknown property 'Title': did you mean 'title'? (names are case-sensitive and follow AWS's spelling)",
    ]);
    delete (json as Record<string, unknown>).Title;
    type(textarea(host), JSON.stringify(json, null, 2));
    expect(problems(host)).toEqual([
      'Error: sources[0].mapping.MaximumBatchingWindowInSeconds Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    ]);
    expect(summary(host)).toMatch(/1 error: fix it to run/);
  });

  it('a valid JSON edit runs from the JSON view, with the JSON as written', () => {
    const { host, onRun } = open('default');
    toJson(host);
    const json = JSON.parse(textarea(host).value) as { function: Record<string, unknown> };
    json.function.MemorySize = 2048;
    type(textarea(host), JSON.stringify(json));
    expect(summary(host)).toMatch(/Valid/);
    click(button(host, 'Run this scenario'));
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(onRun.mock.calls[0]![0].function.MemorySize).toBe(2048);
    expect(onRun.mock.calls[0]![1]).toEqual(json);
  });
});

describe('ScenarioEditor switching modes keeps edits', () => {
  it('a JSON edit shows in the form, and a form edit shows in the JSON', () => {
    const { host, onRun } = open('sqs-batch-success');
    toJson(host);
    const json = JSON.parse(textarea(host).value) as { sources: Array<{ queue: Record<string, unknown> }> };
    json.sources[0]!.queue.VisibilityTimeout = 600;
    type(textarea(host), JSON.stringify(json, null, 2));
    toForm(host);
    expect(control(host, 'sources[0].queue.VisibilityTimeout').value).toBe('600');
    type(control(host, 'sources[0].mapping.BatchSize'), '5');
    toJson(host);
    const after = JSON.parse(textarea(host).value) as {
      sources: Array<{ queue: Record<string, unknown>; mapping: Record<string, unknown> }>;
    };
    expect(after.sources[0]!.queue.VisibilityTimeout).toBe(600);
    expect(after.sources[0]!.mapping.BatchSize).toBe(5);
    click(button(host, 'Run this scenario'));
    expect(onRun.mock.calls[0]![0].sources[0]).toMatchObject({
      queue: { VisibilityTimeout: 600 },
      mapping: { BatchSize: 5 },
    });
  });

  it('what was typed in the form survives a look at the JSON, invalid or not', () => {
    const { host } = open('default');
    type(control(host, 'function.MemorySize'), 'lots');
    type(control(host, 'function.Timeout'), '3.50');
    toJson(host);
    expect(JSON.parse(textarea(host).value)).toMatchObject({
      function: { MemorySize: 'lots', Timeout: 3.5 },
    });
    toForm(host);
    const memory = control(host, 'function.MemorySize');
    expect(memory.value).toBe('lots');
    expect(fieldIssues(memory)).toEqual(['expected a number, got the string "lots"']);
    expect(control(host, 'function.Timeout').value).toBe('3.50');
  });

  it('Revert in the JSON view brings back the initial text', () => {
    const { host } = open('default');
    toJson(host);
    const initial = textarea(host).value;
    type(textarea(host), '{');
    click(button(host, 'Revert'));
    click(button(host, 'Discard changes'));
    expect(textarea(host).value).toBe(initial);
    expect(summary(host)).toMatch(/Valid/);
  });
});
