/** A list of log events (by index) in words, each with its time and rule; clicking one moves the player there. */
import { formatOffset } from '../../app/format';
import { useSimStore } from '../../store/useSimStore';
import { useEventDescriber } from '../../app/useEventDescriber';

export function HistoryList({ indexes, empty }: { indexes: readonly number[]; empty: string }) {
  const log = useSimStore((s) => s.log);
  const cursor = useSimStore((s) => s.cursor);
  const seekToEvent = useSimStore((s) => s.seekToEvent);
  const describe = useEventDescriber();
  if (indexes.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="history">
      {indexes.map((e) => {
        const event = log[e]!;
        const { step, text } = describe ? describe(event) : { step: null, text: event.type };
        return (
          <li key={e} className={e === cursor ? 'is-current' : undefined}>
            <button
              type="button"
              className="history-entry"
              onClick={() => seekToEvent(e)}
              aria-current={e === cursor ? 'step' : undefined}
            >
              <span className="history-time">{formatOffset(event.t)}</span>
              {step && <span className="step">{step}</span>}
              <span className="history-text">{text}</span>
              <span className="history-rule">{event.rule}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
