/** The records destinations and dead-letter queues received, as AWS would write them, in pretty JSON. */
import type { ResultItem } from '../../engine/results';
import { arnName, targetName } from '../awsNames';
import { formatCount, formatOffset } from '../format';
import { Icon } from './Icon';

/** Records listed; a burst can produce thousands, and the first ones show the shape. */
const MAX_SHOWN = 20;
/** With this few records, they start open. */
const OPEN_UP_TO = 3;

export function Deliveries({ items }: { items: ResultItem[] }) {
  const all = items.flatMap((item) =>
    item.deliveries.map((delivery, i) => ({ item, delivery, key: `${item.id}#${i}` })),
  );
  const shown = all.slice(0, MAX_SHOWN);
  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries</h2>
      {all.length === 0 ? (
        <p className="muted">No destination or dead-letter queue received anything in this run.</p>
      ) : (
        <>
          <p className="panel-lead">
            What each destination or dead-letter queue received. Destinations get an invocation record with
            the request and the response; a dead-letter queue gets only the original event, with the error in
            message attributes.
          </p>
          {shown.map(({ item, delivery, key }) => (
            <details
              key={key}
              className="delivery"
              open={all.length <= OPEN_UP_TO}
              data-target={delivery.target}
            >
              <summary>
                <Icon name={delivery.delivered ? 'check' : 'cross'} />
                <span className="delivery-target">{targetName(delivery.target)}</span>
                <span className="delivery-meta">
                  {arnName(delivery.destination)} · item <code>{item.id}</code> · at{' '}
                  {formatOffset(delivery.atMs)} ·{' '}
                  {delivery.delivered
                    ? 'delivered'
                    : `not delivered${delivery.failure ? `: ${delivery.failure}` : ''}`}
                </span>
              </summary>
              <pre
                className="json"
                tabIndex={0}
                aria-label={`Record sent to the ${targetName(delivery.target)}`}
              >
                {JSON.stringify(delivery.record, null, 2)}
              </pre>
            </details>
          ))}
          {all.length > shown.length && (
            <p className="more">
              Showing {formatCount(shown.length)} of {formatCount(all.length)} records.
            </p>
          )}
        </>
      )}
    </section>
  );
}
