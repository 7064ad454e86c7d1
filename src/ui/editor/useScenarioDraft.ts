/** The editor's state and its validation: the draft in form mode, the JSON text (deferred while typing) in JSON mode. */
import { useDeferredValue, useMemo, useReducer } from 'react';
import { parseScenarioJson, validateScenario, type ValidationResult } from '../../scenarios/validate';
import {
  draftReducer,
  initDraft,
  stripBom,
  toJsonText,
  type DraftAction,
  type DraftState,
} from './draftState';

export interface ScenarioDraft {
  state: DraftState;
  dispatch(action: DraftAction): void;
  /** Validation of what is shown: the draft (form) or the JSON text (JSON view). */
  result: ValidationResult;
  /** True while the JSON text typed last has not been validated yet. */
  pending: boolean;
  /** The JSON text `result` was computed from (it lags the text while the user types). */
  checkedText: string;
  /** Validates what is shown now, synchronously: the scenario and the JSON it came from, or null when invalid. */
  validNow(): { scenario: Extract<ValidationResult, { ok: true }>['scenario']; json: unknown } | null;
}

/** Holds one draft scenario for the editor, starting from `initial`. */
export function useScenarioDraft(initial: unknown): ScenarioDraft {
  const [state, dispatch] = useReducer(draftReducer, initial, (value: unknown) => initDraft(value));
  // Parsing runs on the deferred text, so typing in a long scenario never waits for validation.
  const jsonText = useDeferredValue(state.jsonText);
  const result = useMemo(
    () => (state.mode === 'json' ? parseScenarioJson(jsonText) : validateScenario(state.draft)),
    [state.mode, state.draft, jsonText],
  );
  const pending = state.mode === 'json' && jsonText !== state.jsonText;

  const validNow = () => {
    const json = state.mode === 'json' ? state.jsonText : toJsonText(state.draft);
    const fresh = state.mode === 'json' ? parseScenarioJson(json) : validateScenario(state.draft);
    if (!fresh.ok) return null;
    return { scenario: fresh.scenario, json: JSON.parse(stripBom(json)) as unknown };
  };

  return { state, dispatch, result, pending, checkedText: jsonText, validNow };
}
