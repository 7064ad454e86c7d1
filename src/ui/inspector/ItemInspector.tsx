/**
 * The inspector's view of one item, under its story in the side panel: its life on a timeline, every
 * attempt with its result, duration, cold or warm start and environment, and the payload it arrived
 * with (copyable). Loaded when an item is first selected.
 */
import type { ResultItem } from '../../engine/results';
import { formatDuration, formatOffset } from '../../app/format';
import { useSimStore } from '../../store/useSimStore';
import { CopyButton } from './CopyButton';
import { invocationsById, itemPayload } from './itemFacts';
import { ItemTimeline } from './ItemTimeline';
import './inspector.css';

const RESULT_WORDS: Record<string, string> = {
  success: 'succeeded',
  error: 'error',
  timeout: 'timed out',
  throttled: 'throttled (429)',
  'in-flight': 'running',
};

export function ItemInspector({ item, atMs }: { item: ResultItem; atMs: number }) {
  const results = useSimStore((s) => s.results);
  const scenario = useSimStore((s) => s.scenario);
  if (!results || !scenario) return null;
  const invocations = invocationsById(results);
  const payload = itemPayload(scenario, item);
  const payloadText = JSON.stringify(payload ?? {}, null, 2);
  return (
    <div className="item-inspector">
      <ItemTimeline item={item} atMs={atMs} />
      {item.attempts.length > 0 && (
        <table className="attempts-table">
          <caption className="visually-hidden">Attempts</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Started</th>
              <th scope="col">Result</th>
              <th scope="col">Took</th>
              <th scope="col">Environment</th>
            </tr>
          </thead>
          <tbody>
            {item.attempts.map((a, i) => {
              const inv = a.invocationId ? invocations.get(a.invocationId) : undefined;
              const ran = a.result !== 'throttled';
              return (
                <tr key={i} data-result={a.result}>
                  <th scope="row">{i + 1}</th>
                  <td>{formatOffset(a.startMs)}</td>
                  <td>
                    {RESULT_WORDS[a.result] ?? a.result}
                    {a.duplicate ? ' (duplicate delivery)' : ''}
                  </td>
                  <td>{a.endMs === null ? '…' : formatDuration(a.endMs - a.startMs)}</td>
                  <td>
                    {inv && <code>{inv.environmentId}</code>}{' '}
                    {ran
                      ? a.coldStart
                        ? `cold${inv && inv.initMs > 0 ? `, +${formatDuration(inv.initMs)} Init` : ''}`
                        : 'warm'
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="inspector-payload">
        <div className="inspector-row">
          <h3 className="selection-subhead">Payload</h3>
          <CopyButton text={payloadText} label="Copy payload" />
        </div>
        <pre className="json" tabIndex={0} aria-label="The payload it arrived with">
          {payloadText}
        </pre>
      </div>
    </div>
  );
}
