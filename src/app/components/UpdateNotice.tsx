/**
 * "A new version is ready — Reload": shown when a newer service worker has installed and waits behind the one
 * controlling the page. The page never reloads by itself (a presenter may be mid-sentence); it reloads only when
 * the user presses Reload. Registration itself is registerSW.js, a script of the build (vite-plugin-pwa,
 * docs/offline.md).
 */
import { useEffect, useState } from 'react';
import './updateNotice.css';

/** The waiting service worker of an update, or null (no update, dev server, tests, no service worker support). */
function useWaitingWorker(): ServiceWorker | null {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const container = navigator.serviceWorker;
    let registration: ServiceWorkerRegistration | undefined;
    let cancelled = false;
    // A worker that waits while another controls the page is an update. The first install never waits (nothing
    // controls the page yet), so a first visit shows nothing.
    const check = () => {
      if (!cancelled && registration?.waiting && container.controller) setWaiting(registration.waiting);
    };
    const follow = () => registration?.installing?.addEventListener('statechange', check);
    void container.ready.then((ready) => {
      if (cancelled) return;
      registration = ready;
      ready.addEventListener('updatefound', follow);
      follow();
      check();
    });
    return () => {
      cancelled = true;
      registration?.removeEventListener('updatefound', follow);
    };
  }, []);
  return waiting;
}

/** Lets the waiting worker take over, then reloads once it controls the page. */
function reloadInto(worker: ServiceWorker) {
  // Another tab may already have activated it: then the page only needs the reload.
  if (worker.state !== 'installed') {
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  worker.postMessage({ type: 'SKIP_WAITING' });
}

/** A small notice in the page's corner; "Not now" hides it until the next update. */
export function UpdateNotice() {
  const waiting = useWaitingWorker();
  const [dismissed, setDismissed] = useState<ServiceWorker | null>(null);
  if (!waiting || dismissed === waiting) return null;
  return (
    <div className="update-notice" role="status">
      <span>A new version is ready</span>
      <button type="button" className="button-secondary" onClick={() => reloadInto(waiting)}>
        Reload
      </button>
      <button type="button" className="update-notice-later" onClick={() => setDismissed(waiting)}>
        Not now
      </button>
    </div>
  );
}
