/**
 * The records destinations and dead-letter queues had received by the player's moment, as AWS would
 * write them, in pretty JSON.
 */
import type { ResultItem } from '../../engine/results';
import { deliveriesAt } from '../../store/selectors';
import { formatCount } from '../format';
import { DeliveryRecord } from './DeliveryRecord';

/** Records listed; a burst can produce thousands, and the first ones show the shape. */
const MAX_SHOWN = 20;
/** With this few records, they start open. */
const OPEN_UP_TO = 3;

interface Props {
  /** Every item of the run, as the run ended. */
  items: readonly ResultItem[];
  /** The moment to show: deliveries made at or before it. */
  atMs: number;
}

export function Deliveries({ items, atMs }: Props) {
  const all = deliveriesAt(items, atMs);
  const total = items.reduce((n, item) => n + item.deliveries.length, 0);
  const shown = all.slice(0, MAX_SHOWN);
  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries</h2>
      {all.length === 0 ? (
        <p className="muted">
          {total === 0
            ? 'No destination or dead-letter queue received anything in this run.'
            : `Nothing delivered yet: ${total === 1 ? 'one record is' : `${formatCount(total)} records are`} delivered later in this run.`}
        </p>
      ) : (
        <>
          <p className="panel-lead">
            What each destination or dead-letter queue received. Destinations get an invocation record with
            the request and the response; a dead-letter queue gets only the original event, with the error in
            message attributes.
          </p>
          {shown.map((delivery) => (
            <DeliveryRecord key={delivery.key} delivery={delivery} open={total <= OPEN_UP_TO} />
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
