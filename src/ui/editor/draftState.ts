/**
 * The editor's state: one draft scenario shared by the form and the JSON view, what the user typed in
 * each form field, and the JSON text. A pure reducer, so the rules (what switching modes keeps, when it is
 * refused, what counts as an edit) are plain functions of the state.
 */
import { locateJsonSyntaxError } from '../../scenarios/jsonSyntaxError';
import { writeFieldPath } from './draftPath';

export type EditorMode = 'form' | 'json';

export interface DraftState {
  /** The scenario the editor was opened with, as JSON text: what Revert goes back to. */
  initialText: string;
  /** The scenario being edited, as plain JSON data (possibly invalid). */
  draft: unknown;
  /** What the user typed in each form field, by path: kept as typed even when it is not valid. */
  texts: Readonly<Record<string, string>>;
  mode: EditorMode;
  /** The JSON view's text. */
  jsonText: string;
  /** The JSON text as generated when the JSON view was opened: unchanged means the form's state still holds. */
  jsonBase: string;
  /** Why the last switch to the form was refused, or null. */
  refusal: string | null;
}

export type DraftAction =
  | { type: 'edit-field'; path: string; value: unknown; text?: string; dropEmpty?: number }
  | { type: 'edit-json'; text: string }
  | { type: 'switch-mode'; mode: EditorMode }
  | { type: 'revert' };

/** The scenario as the JSON view writes it. */
export function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? 'null';
  } catch {
    return '{}';
  }
}

/** JSON text without the byte-order mark some editors on Windows add. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The editor's state for a scenario, in the given mode. */
export function initDraft(initial: unknown, mode: EditorMode = 'form'): DraftState {
  const initialText = toJsonText(initial === undefined ? {} : initial);
  const draft: unknown = JSON.parse(initialText);
  return { initialText, draft, texts: {}, mode, jsonText: initialText, jsonBase: initialText, refusal: null };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses the JSON view's text for the form: the scenario object, or why the form cannot show it. */
export function parseForForm(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; why: string } {
  const source = stripBom(text);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    const at = locateJsonSyntaxError(source);
    const where = at ? ` at line ${at.line}, column ${at.column} (${at.message})` : '';
    return {
      ok: false,
      why: `The form cannot show this JSON: it has a syntax error${where}. Fix it here first; your text is kept.`,
    };
  }
  if (!isPlainObject(value)) {
    return {
      ok: false,
      why: 'The form edits a scenario, which is a JSON object ({ … }); this text is not one. Fix it here first; your text is kept.',
    };
  }
  return { ok: true, value };
}

function switchMode(state: DraftState, mode: EditorMode): DraftState {
  if (mode === state.mode) return { ...state, refusal: null };
  if (mode === 'json') {
    const text = toJsonText(state.draft);
    return { ...state, mode, jsonText: text, jsonBase: text, refusal: null };
  }
  // The JSON was not touched: the form's own state (including what was typed) still describes it.
  if (state.jsonText === state.jsonBase) return { ...state, mode, refusal: null };
  const parsed = parseForForm(state.jsonText);
  if (!parsed.ok) return { ...state, refusal: parsed.why };
  return { ...state, mode, draft: parsed.value, texts: {}, refusal: null };
}

/** The editor's reducer. */
export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'edit-field': {
      const texts = action.text === undefined ? state.texts : { ...state.texts, [action.path]: action.text };
      return {
        ...state,
        draft: writeFieldPath(state.draft, action.path, action.value, action.dropEmpty),
        texts,
      };
    }
    case 'edit-json':
      return { ...state, jsonText: action.text, refusal: null };
    case 'switch-mode':
      return switchMode(state, action.mode);
    case 'revert': {
      const fresh = initDraft(JSON.parse(state.initialText), state.mode);
      return fresh;
    }
  }
}

/** True when the editor holds something other than the scenario it was opened with. */
export function isEdited(state: DraftState): boolean {
  const current = state.mode === 'json' ? state.jsonText : toJsonText(state.draft);
  return current !== state.initialText;
}
