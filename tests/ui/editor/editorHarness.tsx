/**
 * Mounting the scenario editor in happy-dom and driving it as a person would: type into a field, pick an
 * option, press a button, read what is shown next to a field.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import type { Scenario } from '../../../src/scenarios/schema';
import { ScenarioEditor } from '../../../src/ui/editor/ScenarioEditor';

// Tells React this is a test renderer, so act() flushes effects without warnings.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Harness {
  host: HTMLDivElement;
  onRun: ReturnType<typeof vi.fn<(scenario: Scenario, json: unknown) => void>>;
  unmount(): void;
}

/** Mounts the editor on a fresh host with `initial`; `onRun` is a spy. */
export function mountEditor(initial: unknown): Harness {
  const host = document.createElement('div');
  document.body.append(host);
  const root: Root = createRoot(host);
  const onRun = vi.fn<(scenario: Scenario, json: unknown) => void>();
  act(() => root.render(<ScenarioEditor initial={initial} onRun={onRun} />));
  return {
    host,
    onRun,
    unmount() {
      act(() => root.unmount());
      host.remove();
    },
  };
}

/** The form control of the setting at `path`. */
export function control<T extends HTMLElement = HTMLInputElement>(host: HTMLElement, path: string): T {
  const el = [...host.querySelectorAll<HTMLElement>('[data-path]')].find((e) => e.dataset.path === path);
  if (!el) throw new Error(`no form control for ${path}`);
  return el as T;
}

export function hasControl(host: HTMLElement, path: string): boolean {
  return [...host.querySelectorAll<HTMLElement>('[data-path]')].some((e) => e.dataset.path === path);
}

/** Types `text` into an input or textarea as React sees typing (the native value setter, then 'input'). */
export function type(el: HTMLInputElement | HTMLTextAreaElement, text: string) {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  act(() => {
    setter?.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Picks an option of a select. */
export function choose(el: HTMLSelectElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(el, value);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function button(host: HTMLElement, name: string): HTMLButtonElement {
  const b = [...host.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}

export function click(el: HTMLElement) {
  act(() => el.click());
}

/** The texts of the elements an element's aria-describedby points at. */
export function descriptions(el: HTMLElement): string[] {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => {
      const target = document.getElementById(id);
      if (!target) throw new Error(`aria-describedby points at a missing id: ${id}`);
      return target.textContent ?? '';
    });
}

/** The messages of the issues shown under a field. */
export function fieldIssues(el: HTMLElement): string[] {
  const field = el.closest('.editor-field');
  return [...(field?.querySelectorAll('.editor-issue-message') ?? [])].map((m) => m.textContent ?? '');
}

/** The label text of a control (its <label for>). */
export function labelOf(host: HTMLElement, el: HTMLElement): string {
  const label = [...host.querySelectorAll('label')].find((l) => l.htmlFor === el.id);
  if (!label) throw new Error(`no label for ${el.id}`);
  return label.textContent ?? '';
}

export function summary(host: HTMLElement): string {
  return host.querySelector('.editor-run-bar [role="status"]')?.textContent ?? '';
}

export function textarea(host: HTMLElement): HTMLTextAreaElement {
  const el = host.querySelector('textarea');
  if (!el) throw new Error('no textarea (not in JSON mode?)');
  return el;
}
