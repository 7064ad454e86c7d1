/**
 * The function's execution environments: one chip per environment (initialising with a cold start,
 * busy, idle; provisioned ones marked), and the counts, which is all that is shown when there are many.
 */
import { MAX_ENV_CHIPS, type EnvChip } from '../../store/diagram/flowFrame';
import { selectFlowFrame } from '../../store/diagram/flowSelectors';
import { useSimStore } from '../../store/useSimStore';

const CHIP_WORD: Record<EnvChip['phase'], string> = {
  initializing: 'cold start',
  busy: 'busy',
  idle: 'idle (warm)',
  reaped: 'reaped',
};

export function EnvPool() {
  const envs = useSimStore((s) => selectFlowFrame(s)?.envs);
  if (!envs) return null;
  const { counts, chips } = envs;
  const live = counts.initializing + counts.busy + counts.idle;
  if (live === 0)
    return (
      <p className="node-idle">
        no execution environment yet{counts.reaped > 0 ? ` (${counts.reaped} reaped)` : ''}
      </p>
    );
  const concurrency = counts.initializing + counts.busy;
  return (
    <div className="env-pool">
      <p className="env-summary" data-metric="concurrency">
        concurrency <strong>{concurrency.toLocaleString('en-US')}</strong>
        <span>
          · {counts.idle.toLocaleString('en-US')} idle{counts.reaped > 0 ? ` · ${counts.reaped} reaped` : ''}
        </span>
      </p>
      {live <= MAX_ENV_CHIPS && (
        <ul className="env-chips" aria-label="Execution environments">
          {chips.map((chip) => (
            <li
              key={chip.id}
              className={`env-chip env-${chip.phase}${chip.provisioned ? ' is-provisioned' : ''}`}
              title={`${chip.id}: ${CHIP_WORD[chip.phase]}${chip.provisioned ? ', provisioned' : ''}`}
            >
              <span className="env-chip-id">{chip.id.replace('env-', '#')}</span>
              <span className="env-chip-state">
                {chip.phase === 'initializing' ? 'cold' : chip.phase === 'busy' ? 'busy' : 'warm'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
