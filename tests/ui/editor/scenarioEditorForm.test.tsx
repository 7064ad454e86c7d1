// @vitest-environment happy-dom
/**
 * The editor's form: each setting labelled with AWS's name, errors in AWS's wording under the field that
 * caused them, what the user typed kept as typed, and onRun reached only by a valid scenario.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../../src/scenarios/presets';
import { presetSource } from '../../../src/scenarios/presets/presetSources';
import {
  button,
  choose,
  click,
  control,
  descriptions,
  fieldIssues,
  hasControl,
  labelOf,
  mountEditor,
  summary,
  type,
  type Harness,
} from './editorHarness';

let editor: Harness | undefined;
afterEach(() => {
  editor?.unmount();
  editor = undefined;
  vi.restoreAllMocks();
});

function open(presetId: string): Harness {
  editor = mountEditor(presetSource(presetId));
  return editor;
}

const TIMEOUT_901 =
  "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900";

describe('ScenarioEditor form', () => {
  it('labels each input with AWS’s name and unit, and describes it with its range and a help line', () => {
    const { host } = open('default');
    const timeout = control(host, 'function.Timeout');
    expect(labelOf(host, timeout)).toBe('Timeout(seconds)');
    expect(timeout.value).toBe('3');
    const [range, help] = descriptions(timeout);
    expect(range).toBe('1–900 s · default 3 s');
    expect(help).toMatch(/^How long one invocation may run .*\(§1\.2\)$/);
    const link = host.querySelector<HTMLAnchorElement>(
      `#${timeout.getAttribute('aria-describedby')!.split(' ').at(-1)} a`,
    );
    expect(link?.href).toBe('https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html');
    expect(labelOf(host, control(host, 'function.EventInvokeConfig.MaximumRetryAttempts'))).toBe(
      'MaximumRetryAttemptsRetry attempts',
    );
    // Every control of the form has a label and points only at elements that exist.
    for (const el of host.querySelectorAll<HTMLElement>('input, select, textarea')) {
      expect(labelOf(host, el).length, el.id).toBeGreaterThan(0);
      expect(() => descriptions(el)).not.toThrow();
    }
  });

  it('opened with a validated scenario (defaults filled in, as the store holds it), runs it unchanged', () => {
    for (const id of ['default', 'sqs-fifo-group-blocking', 'kinesis-bisect', 'api-gateway-timeout']) {
      const scenario = getPreset(id)!;
      editor = mountEditor(scenario);
      const { host, onRun } = editor;
      expect(summary(host), id).toMatch(/Valid/);
      expect(control(host, 'function.Timeout').value).toBe(String(scenario.function.Timeout));
      click(button(host, 'Run this scenario'));
      expect(onRun.mock.calls[0]![0], id).toEqual(scenario);
      expect(onRun.mock.calls[0]![1], id).toEqual(JSON.parse(JSON.stringify(scenario)));
      editor.unmount();
      editor = undefined;
    }
  });

  it('Timeout 901: AWS’s message under the field, the typed text kept, the field marked invalid, Run disabled', () => {
    const { host, onRun } = open('default');
    const timeout = control(host, 'function.Timeout');
    type(timeout, '901');
    expect(timeout.value).toBe('901');
    expect(fieldIssues(timeout)).toEqual([TIMEOUT_901]);
    expect(timeout.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(timeout)[0]).toBe(`Error: ${TIMEOUT_901}`);
    expect(summary(host)).toMatch(/1 error: fix it to run/);
    const run = button(host, 'Run this scenario');
    expect(run.disabled).toBe(true);
    click(run);
    expect(onRun).not.toHaveBeenCalled();
    // Other fields stay valid.
    expect(control(host, 'function.MemorySize').getAttribute('aria-invalid')).toBeNull();
  });

  it('text that is not a number stays as typed, with the error that explains it', () => {
    const { host } = open('default');
    const memory = control(host, 'function.MemorySize');
    type(memory, '512 MB');
    expect(memory.value).toBe('512 MB');
    expect(fieldIssues(memory)).toEqual(['expected a number, got the string "512 MB"']);
    type(memory, '12.5');
    expect(memory.value).toBe('12.5');
    expect(fieldIssues(memory)[0]).toMatch(/Value '12.5' at 'memorySize'.*Member must be a whole number/);
  });

  it('a field left empty stays empty (it is not reset to its default) and the default applies', () => {
    const { host, onRun } = open('default');
    const timeout = control(host, 'function.Timeout');
    type(timeout, '');
    expect(timeout.value).toBe('');
    expect(timeout.placeholder).toBe('default 3 s');
    expect(fieldIssues(timeout)).toEqual([]);
    click(button(host, 'Run this scenario'));
    expect(onRun).toHaveBeenCalledTimes(1);
    const [scenario, json] = onRun.mock.calls[0]!;
    expect(scenario.function.Timeout).toBe(3);
    expect((json as { function: Record<string, unknown> }).function).not.toHaveProperty('Timeout');
    expect(timeout.value).toBe('');
  });

  it('a valid edit calls onRun with the changed value, in the scenario and in the JSON', () => {
    const { host, onRun } = open('default');
    type(control(host, 'function.MemorySize'), '1024');
    choose(control<HTMLSelectElement>(host, 'function.Architectures'), 'arm64');
    expect(summary(host)).toMatch(/Valid/);
    click(button(host, 'Run this scenario'));
    expect(onRun).toHaveBeenCalledTimes(1);
    const [scenario, json] = onRun.mock.calls[0]!;
    expect(scenario.function.MemorySize).toBe(1024);
    expect(scenario.function.Architectures).toEqual(['arm64']);
    expect(json).toMatchObject({ function: { MemorySize: 1024, Architectures: ['arm64'] } });
    // The rest of the scenario is untouched.
    expect(json).toMatchObject({ id: 'default', function: { Timeout: 3 } });
  });

  it('§3.2 a visibility timeout below the function timeout shows AWS’s refusal at the queue field as a warning', () => {
    const { host, onRun } = open('sqs-batch-success');
    const visibility = control(host, 'sources[0].queue.VisibilityTimeout');
    type(control(host, 'function.Timeout'), '60');
    type(visibility, '30');
    expect(visibility.value).toBe('30');
    expect(fieldIssues(visibility)).toEqual([
      'InvalidParameterValueException: Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds. AWS rejects this mapping; the simulator runs it to show what would happen.',
    ]);
    const item = visibility.closest('.editor-field')?.querySelector('.editor-issue');
    expect(item?.className).toContain('editor-issue-warning');
    expect(item?.querySelector('.editor-issue-kind')?.textContent).toBe('Warning:');
    // A warning does not block the run (AWS would refuse the mapping; the simulator shows what happens).
    expect(visibility.getAttribute('aria-invalid')).toBeNull();
    expect(summary(host)).toMatch(/Valid, with \d+ warnings?/);
    click(button(host, 'Run this scenario'));
    expect(onRun.mock.calls[0]![0].sources[0]).toMatchObject({ queue: { VisibilityTimeout: 30 } });
  });

  it('§4 a cross-field rule shows under the field it names: reserved concurrency leaving < 100 unreserved', () => {
    const { host } = open('default');
    const reserved = control(host, 'function.ReservedConcurrentExecutions');
    type(reserved, '950');
    expect(fieldIssues(reserved)).toEqual([
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    ]);
    expect(descriptions(reserved)).toContain('0–900 · optional');
  });

  it('clearing the last asynchronous setting drops the emptied objects instead of leaving an invalid {}', () => {
    const { host, onRun } = open('async-dlq');
    const paths = [
      'function.EventInvokeConfig.MaximumRetryAttempts',
      'function.EventInvokeConfig.MaximumEventAgeInSeconds',
      'function.EventInvokeConfig.DestinationConfig.OnSuccess.Destination',
      'function.EventInvokeConfig.DestinationConfig.OnFailure.Destination',
    ];
    for (const path of paths) type(control(host, path), '');
    expect(summary(host)).toMatch(/^.\sValid/);
    click(button(host, 'Run this scenario'));
    expect((onRun.mock.calls[0]![1] as { function: object }).function).not.toHaveProperty(
      'EventInvokeConfig',
    );
  });

  it('a required object is kept: clearing a stream’s StartingPosition gives AWS’s “must not be null” there', () => {
    const { host } = open('kinesis-bisect');
    const position = control<HTMLSelectElement>(host, 'sources[0].mapping.StartingPosition');
    choose(position, '');
    expect(fieldIssues(position)).toEqual([
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    ]);
    choose(position, 'AT_TIMESTAMP');
    expect(hasControl(host, 'sources[0].mapping.StartingPositionTimestamp')).toBe(true);
    const timestamp = control(host, 'sources[0].mapping.StartingPositionTimestamp');
    expect(fieldIssues(timestamp)[0]).toMatch(/AT_TIMESTAMP needs StartingPositionTimestamp/);
    type(timestamp, '5');
    expect(fieldIssues(timestamp)).toEqual([]);
  });

  it('checkboxes store AWS’s shapes: FunctionResponseTypes and BisectBatchOnFunctionError', () => {
    const { host, onRun } = open('kinesis-in-order');
    const report = control(host, 'sources[0].mapping.FunctionResponseTypes');
    expect(report.type).toBe('checkbox');
    expect(labelOf(host, report)).toBe('FunctionResponseTypesReport batch item failures');
    click(report);
    click(control(host, 'sources[0].mapping.BisectBatchOnFunctionError'));
    click(button(host, 'Run this scenario'));
    expect(onRun.mock.calls[0]![1]).toMatchObject({
      sources: [
        { mapping: { FunctionResponseTypes: ['ReportBatchItemFailures'], BisectBatchOnFunctionError: true } },
      ],
    });
  });

  it('a value the form does not offer stays selected, marked “not allowed”, with the enum error', () => {
    const initial = structuredClone(presetSource('sync-success')) as {
      sources: Array<Record<string, unknown>>;
    };
    initial.sources[0]!.caller = 'lambda-url';
    editor = mountEditor(initial);
    const caller = control<HTMLSelectElement>(editor.host, 'sources[0].caller');
    expect(caller.value).toBe('lambda-url');
    expect(caller.selectedOptions[0]?.textContent).toBe('lambda-url (not allowed)');
    expect(fieldIssues(caller)[0]).toMatch(
      /Member must satisfy enum value set: \[direct, aws-cli, aws-sdk, api-gateway, alb\]/,
    );
  });

  it('Ctrl+Enter runs a valid scenario and does nothing with an invalid one', () => {
    const { host, onRun } = open('default');
    const timeout = control(host, 'function.Timeout');
    const press = () =>
      act(() => {
        timeout.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
      });
    type(timeout, '0');
    press();
    expect(onRun).not.toHaveBeenCalled();
    type(timeout, '5');
    press();
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(onRun.mock.calls[0]![0].function.Timeout).toBe(5);
  });

  it('“Go to the first error” moves focus to the first invalid field', () => {
    const { host } = open('sqs-batch-success');
    type(control(host, 'sources[0].mapping.BatchSize'), '20000');
    type(control(host, 'function.MemorySize'), '64');
    click(button(host, 'Go to the first error'));
    expect(document.activeElement).toBe(control(host, 'function.MemorySize'));
  });

  it('Revert asks before discarding edits and goes back to the initial scenario', () => {
    const { host } = open('default');
    click(button(host, 'Revert'));
    expect(host.querySelector('.editor-confirm')).toBeNull(); // nothing to lose: no question

    type(control(host, 'function.Timeout'), '901');
    expect(summary(host)).toMatch(/edited/);
    click(button(host, 'Revert'));
    const question = host.querySelector('.editor-confirm');
    expect(question?.textContent).toMatch(
      /^Discard your changes and go back to the scenario as it was opened\?/,
    );
    expect(document.activeElement).toBe(button(host, 'Keep editing'));
    click(button(host, 'Keep editing'));
    expect(control(host, 'function.Timeout').value).toBe('901');

    click(button(host, 'Revert'));
    act(() => {
      host
        .querySelector('.editor-confirm')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(host.querySelector('.editor-confirm')).toBeNull();
    expect(control(host, 'function.Timeout').value).toBe('901');

    click(button(host, 'Revert'));
    click(button(host, 'Discard changes'));
    expect(control(host, 'function.Timeout').value).toBe('3');
    expect(fieldIssues(control(host, 'function.Timeout'))).toEqual([]);
    expect(summary(host)).not.toMatch(/edited/);
  });
});
