/**
 * "Copy link": the address bar already holds what is on screen (scenario — the user's own one compressed —,
 * seed, moment, speed, comparison, fork, tour step), so the link is copied as it stands at the click.
 */
import { useEffect, useState } from 'react';

export function CopyLinkButton() {
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 2500);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <span className="copy-link">
      <button
        type="button"
        className="button-secondary"
        title="Copy a link that opens exactly this view"
        onClick={() =>
          navigator.clipboard.writeText(window.location.href).then(
            () => setStatus('Link copied'),
            () => setStatus('The browser refused: copy the address bar instead'),
          )
        }
      >
        Copy link
      </button>
      <span role="status" className="copy-link-status">
        {status}
      </span>
    </span>
  );
}
