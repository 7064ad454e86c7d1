/**
 * The sentences that say each event in words (describeEvent.ts, about 5 KB gzip of prose) load just after
 * the first screen, which needs none of them: a run opens before its first event. Components get the
 * describer once it is there, and show the event's time and rule meanwhile.
 */
import { useEffect, useState } from 'react';
import type { EventDescription } from './eventData';
import type { SimEvent } from '../engine/types';

type Describe = (event: SimEvent) => EventDescription;

let loaded: Describe | null = null;
let loading: Promise<Describe> | null = null;

/** Starts loading the describer (once) and resolves with it. */
export function loadEventDescriber(): Promise<Describe> {
  loading ??= import('./describeEvent').then((m) => (loaded = m.describeEventParts));
  return loading;
}

/** The describer, or null for the moment it is still loading. */
export function useEventDescriber(): Describe | null {
  const [describe, setDescribe] = useState<Describe | null>(() => loaded);
  useEffect(() => {
    if (describe) return;
    let live = true;
    void loadEventDescriber().then((d) => {
      if (live) setDescribe(() => d);
    });
    return () => {
      live = false;
    };
  }, [describe]);
  return describe;
}
