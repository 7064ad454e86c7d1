/** Presenter mode's keys, as a clicker or a keyboard sends them. */
import { describe, expect, it } from 'vitest';
import { presenterAction } from '../../src/app/presenter/presenterKeys';

describe('presenterAction', () => {
  it.each([
    ['PageDown', 'next'],
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    ['PageUp', 'previous'],
    ['ArrowLeft', 'previous'],
    ['ArrowUp', 'previous'],
    [' ', 'toggle-play'],
    ['b', 'blackout'],
    ['B', 'blackout'],
    ['.', 'blackout'],
    ['f', 'fullscreen'],
    ['?', 'help'],
    ['Escape', 'exit'],
  ])('%j → %s', (key, kind) => {
    expect(presenterAction(key)?.kind).toBe(kind);
  });

  it('number keys jump to the tour chapters, from 1', () => {
    expect(presenterAction('1')).toEqual({ kind: 'chapter', index: 0 });
    expect(presenterAction('3')).toEqual({ kind: 'chapter', index: 2 });
    expect(presenterAction('0')).toBeNull();
  });

  it('other keys are left alone', () => {
    expect(presenterAction('x')).toBeNull();
    expect(presenterAction('Enter')).toBeNull();
  });
});
