/**
 * The editor's state without React: writing a setting into the draft, and the rules of switching between
 * the form and the JSON view.
 */
import { describe, expect, it } from 'vitest';
import { writeFieldPath } from '../../../src/ui/editor/draftPath';
import {
  draftReducer,
  initDraft,
  isEdited,
  parseForForm,
  type DraftState,
} from '../../../src/ui/editor/draftState';
import { rangeLine, valueOfText } from '../../../src/ui/editor/fieldText';
import { catalogFor, type FieldDescriptor } from '../../../src/scenarios/fieldCatalog';

const scenario = {
  id: 's',
  title: 'S',
  function: { Timeout: 3, EventInvokeConfig: { DestinationConfig: { OnFailure: { Destination: 'arn:x' } } } },
  sources: [{ type: 'sync', id: 'c', caller: 'direct', requests: [{}] }],
};

describe('writeFieldPath', () => {
  it('writes without mutating, creating missing objects', () => {
    const before = structuredClone(scenario);
    const after = writeFieldPath(
      scenario,
      'function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
      2,
    );
    expect(scenario).toEqual(before);
    expect(after).toMatchObject({
      function: { Timeout: 3, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } },
    });
    expect(writeFieldPath(scenario, 'sources[0].caller', 'aws-cli')).toMatchObject({
      sources: [{ caller: 'aws-cli', id: 'c' }],
    });
  });

  it('undefined removes the property and as many emptied enclosing objects as allowed', () => {
    const path = 'function.EventInvokeConfig.DestinationConfig.OnFailure.Destination';
    expect(writeFieldPath(scenario, path, undefined, 3)).toEqual({ ...scenario, function: { Timeout: 3 } });
    expect(writeFieldPath(scenario, path, undefined, 1)).toEqual({
      ...scenario,
      function: { Timeout: 3, EventInvokeConfig: { DestinationConfig: {} } },
    });
    expect(writeFieldPath(scenario, path, undefined)).toMatchObject({
      function: { EventInvokeConfig: { DestinationConfig: { OnFailure: {} } } },
    });
  });
});

describe('draftReducer', () => {
  const edit = (state: DraftState, path: string, value: unknown, text?: string) =>
    draftReducer(state, { type: 'edit-field', path, value, text });

  it('a form edit changes the draft and remembers the text as typed', () => {
    const state = edit(initDraft(scenario), 'function.Timeout', 'abc', 'abc');
    expect(state.draft).toMatchObject({ function: { Timeout: 'abc' } });
    expect(state.texts['function.Timeout']).toBe('abc');
    expect(isEdited(state)).toBe(true);
    expect(isEdited(edit(initDraft(scenario), 'function.Timeout', 3, '3'))).toBe(false);
  });

  it('to JSON and back without touching the text keeps what was typed; an edited text replaces it', () => {
    let state = edit(initDraft(scenario), 'function.Timeout', 3.5, '3.50');
    state = draftReducer(state, { type: 'switch-mode', mode: 'json' });
    expect(JSON.parse(state.jsonText)).toMatchObject({ function: { Timeout: 3.5 } });
    const back = draftReducer(state, { type: 'switch-mode', mode: 'form' });
    expect(back.texts['function.Timeout']).toBe('3.50');

    const edited = draftReducer(state, { type: 'edit-json', text: state.jsonText.replace('3.5', '7') });
    const form = draftReducer(edited, { type: 'switch-mode', mode: 'form' });
    expect(form.mode).toBe('form');
    expect(form.texts).toEqual({});
    expect(form.draft).toMatchObject({ function: { Timeout: 7 } });
  });

  it('refuses to leave broken JSON for the form, keeping the text; editing clears the refusal', () => {
    let state = draftReducer(initDraft(scenario), { type: 'switch-mode', mode: 'json' });
    state = draftReducer(state, { type: 'edit-json', text: '{\n  "id": "s",,\n}' });
    const refused = draftReducer(state, { type: 'switch-mode', mode: 'form' });
    expect(refused.mode).toBe('json');
    expect(refused.jsonText).toBe('{\n  "id": "s",,\n}');
    expect(refused.refusal).toMatch(/syntax error at line 2, column 13/);
    expect(draftReducer(refused, { type: 'edit-json', text: '{}' }).refusal).toBeNull();
  });

  it('revert goes back to the initial scenario in the current mode', () => {
    let state = draftReducer(initDraft(scenario), { type: 'switch-mode', mode: 'json' });
    state = draftReducer(state, { type: 'edit-json', text: 'nonsense' });
    const reverted = draftReducer(state, { type: 'revert' });
    expect(reverted.mode).toBe('json');
    expect(JSON.parse(reverted.jsonText)).toEqual(scenario);
    expect(isEdited(reverted)).toBe(false);
  });

  it('parseForForm accepts a BOM and refuses what is not an object', () => {
    expect(parseForForm('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseForForm('null')).toMatchObject({ ok: false });
    expect(parseForForm('"text"')).toMatchObject({ ok: false });
  });
});

describe('fieldText', () => {
  const field = (name: string, json: unknown = scenario): FieldDescriptor =>
    catalogFor(json)
      .flatMap((s) => s.fields)
      .find((f) => f.name === name)!;

  it('reads numbers, keeps other text as text, and empty as not set', () => {
    const timeout = field('Timeout');
    expect(valueOfText(timeout, ' 42 ')).toBe(42);
    expect(valueOfText(timeout, '-1')).toBe(-1);
    expect(valueOfText(timeout, '1e3')).toBe(1000);
    expect(valueOfText(timeout, '1,000')).toBe('1,000');
    expect(valueOfText(timeout, '   ')).toBeUndefined();
    expect(valueOfText(field('FunctionName'), ' x ')).toBe(' x ');
  });

  it('writes ranges with units, sentinels and defaults', () => {
    expect(rangeLine(field('Timeout'))).toBe('1–900 s · default 3 s');
    expect(rangeLine(field('MaximumEventAgeInSeconds'))).toBe('60–21,600 s · default 21,600 s');
    const stream = {
      ...scenario,
      sources: [{ type: 'kinesis', id: 'k', mapping: { StartingPosition: 'LATEST' }, records: [{}] }],
    };
    expect(rangeLine(field('MaximumRecordAgeInSeconds', stream))).toBe(
      '60–604,800 s, or −1 (no limit) · default −1 (no limit)',
    );
    expect(rangeLine(field('ReservedConcurrentExecutions'))).toBe('0–900 · optional');
    expect(rangeLine(field('caller'))).toBe('');
  });
});
