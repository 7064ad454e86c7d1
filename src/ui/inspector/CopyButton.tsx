/** Copies a text to the clipboard and says so for a moment; where the clipboard is refused, says how to copy by hand. */
import { useEffect, useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 2000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <span className="copy-button">
      <button
        type="button"
        className="button-secondary button-small"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setStatus('copied'),
            () => setStatus('failed'),
          )
        }
      >
        {label}
      </button>
      <span role="status" className="copy-status">
        {status === 'copied'
          ? 'Copied'
          : status === 'failed'
            ? 'The browser refused: select the text to copy it'
            : ''}
      </span>
    </span>
  );
}
