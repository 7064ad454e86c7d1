/**
 * The transcript: the narration of every event so far, newest last, scrolled to the newest, with a
 * button that copies it as plain text. It is a polite live log while paused or stepping and silent while
 * playing, so a screen reader is not flooded at 100×. Long runs show their last entries only.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatCount, formatOffset } from '../../app/format';
import { buildTranscript, omittedBefore, transcriptText, type Narration } from '../../app/narration';
import { useSimStore } from '../../store/useSimStore';
import { RuleLink } from './NarrationParts';

type CopyState = 'idle' | 'copied' | 'selected';

const COPY_MESSAGE_MS = 2000;

/** One entry; narrations are cached per event, so unchanged entries skip rendering while playing. */
const Entry = memo(function Entry({ entry }: { entry: Narration }) {
  return (
    <li className="transcript-entry">
      <span className="transcript-head">
        <span className="transcript-time">{formatOffset(entry.t)}</span>
        {entry.step && <span className="step">{entry.step}</span>}
      </span>
      <span className="transcript-what">{entry.what}</span>
      <span className="transcript-why">
        <span className="narration-why-label">Why?</span> {entry.why} <RuleLink rule={entry.rule} />
      </span>
      {entry.correction && (
        <span className="transcript-correction">
          <strong>Correction:</strong> the article says <q>{entry.correction.article}</q> — AWS actually:{' '}
          {entry.correction.aws}
        </span>
      )}
    </li>
  );
});

export function TranscriptList() {
  const log = useSimStore((s) => s.log);
  const cursor = useSimStore((s) => s.cursor);
  const playing = useSimStore((s) => s.playing);
  const scenario = useSimStore((s) => s.scenario);
  const entries = useMemo(() => buildTranscript(log, cursor, scenario ?? undefined), [log, cursor, scenario]);
  const omitted = omittedBefore(cursor, entries);
  const listRef = useRef<HTMLDivElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  // The newest entry is the one the player is on: keep it in view.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  useEffect(() => {
    if (copy === 'idle') return undefined;
    const timer = setTimeout(() => setCopy('idle'), COPY_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  /** Without clipboard access (an insecure page, a denied permission) the text is selected instead. */
  function selectText() {
    const el = listRef.current;
    const selection = window.getSelection();
    if (!el || !selection) return;
    selection.selectAllChildren(el);
    setCopy('selected');
  }

  function copyTranscript() {
    const text = transcriptText(entries, omitted);
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard?.writeText) {
      selectText();
      return;
    }
    clipboard.writeText(text).then(() => setCopy('copied'), selectText);
  }

  return (
    <div className="transcript">
      <div className="transcript-tools">
        <button
          type="button"
          className="button-secondary button-small"
          onClick={copyTranscript}
          disabled={entries.length === 0}
        >
          Copy transcript
        </button>
        <span className="transcript-status" role="status">
          {copy === 'copied' ? 'Copied' : copy === 'selected' ? 'Selected: press Ctrl+C (⌘C) to copy' : ''}
        </span>
      </div>
      {omitted > 0 && (
        <p className="muted transcript-omitted">
          {formatCount(omitted)} earlier {omitted === 1 ? 'event' : 'events'} not shown.
        </p>
      )}
      <div
        ref={listRef}
        className="transcript-scroll"
        role="log"
        aria-live={playing ? 'off' : 'polite'}
        aria-label="Transcript"
        tabIndex={0}
      >
        {entries.length === 0 ? (
          <p className="muted">Nothing has happened yet.</p>
        ) : (
          <ol className="transcript-list">
            {entries.map((e) => (
              <Entry key={e.seq} entry={e} />
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
