/** One record a destination or dead-letter queue received: where, when, about which item, and the record as AWS writes it. */
import type { DeliveryView } from '../../store/selectors';
import { arnName, targetName } from '../awsNames';
import { formatOffset } from '../format';
import { CopyButton } from '../../ui/inspector/CopyButton';
import { Icon } from './Icon';

export function DeliveryRecord({ delivery, open }: { delivery: DeliveryView; open: boolean }) {
  return (
    <details className="delivery" open={open} data-target={delivery.target}>
      <summary>
        <Icon name={delivery.delivered ? 'check' : 'cross'} />
        <span className="delivery-target">{targetName(delivery.target)}</span>
        <span className="delivery-meta">
          {arnName(delivery.destination)} · item <code>{delivery.item}</code> · at{' '}
          {formatOffset(delivery.atMs)} ·{' '}
          {delivery.delivered
            ? 'delivered'
            : `not delivered${delivery.failure ? `: ${delivery.failure}` : ''}`}
        </span>
      </summary>
      <pre className="json" tabIndex={0} aria-label={`Record sent to the ${targetName(delivery.target)}`}>
        {JSON.stringify(delivery.record, null, 2)}
      </pre>
      <CopyButton text={JSON.stringify(delivery.record, null, 2)} label="Copy record" />
    </details>
  );
}
