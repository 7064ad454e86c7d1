/**
 * Per-frame values without React renders: `apply` is called with `select(state)` now and whenever it
 * changes, and writes it straight to the DOM (a text node, a style). zustand's transient-update pattern,
 * used for what changes every animation frame while playing (the clock, the scrubber).
 */
import { useEffect, useRef } from 'react';
import { useSimStoreApi } from './useSimStore';
import type { SimStoreState } from './types';

export function useTransient<T>(select: (s: SimStoreState) => T, apply: (value: T) => void): void {
  const store = useSimStoreApi();
  const latest = useRef({ select, apply });
  useEffect(() => {
    latest.current = { select, apply };
  });
  useEffect(() => {
    let last = latest.current.select(store.getState());
    latest.current.apply(last);
    return store.subscribe((state) => {
      const value = latest.current.select(state);
      if (Object.is(value, last)) return;
      last = value;
      latest.current.apply(value);
    });
  }, [store]);
}
