/**
 * What component tests render into: a fresh element and React root for every test, unmounted and removed
 * after it, with mocks and stubbed globals restored.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, vi } from 'vitest';

// Tells React this is a test renderer, so act() flushes effects without warnings.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface ReactHost {
  /** The element the test's tree is rendered into (in the document). */
  readonly host: HTMLDivElement;
  readonly root: Root;
}

/** Registers the per-test setup and teardown; call at the top of a test file. */
export function useReactHost(): ReactHost {
  let host: HTMLDivElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root!.unmount());
    host!.remove();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
  return {
    get host() {
      return host!;
    },
    get root() {
      return root!;
    },
  };
}
