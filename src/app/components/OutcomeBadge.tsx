/** An item outcome as icon + word, with its meaning as a tooltip. */
import { outcomeInfo } from '../outcomes';
import { Icon } from './Icon';

export function OutcomeBadge({ outcome, count }: { outcome: string; count?: number }) {
  const info = outcomeInfo(outcome);
  return (
    <span className={`badge tone-${info.tone}`} title={info.meaning} data-outcome={outcome}>
      <Icon name={info.icon} />
      <span>
        {count === undefined ? '' : `${count.toLocaleString('en-US')} `}
        {info.label}
      </span>
    </span>
  );
}
