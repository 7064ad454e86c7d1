/**
 * Jump to start, step back, play/pause, step forward, jump to end. A button that cannot act right now
 * says so with aria-disabled instead of `disabled`, so keyboard focus stays on it.
 */
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';
import { PlayerIcon, type PlayerIconName } from './PlayerIcon';

interface ButtonProps {
  label: string;
  icon: PlayerIconName;
  shortcut: string;
  unavailable?: boolean;
  primary?: boolean;
  onPress(): void;
}

function TransportButton({
  label,
  icon,
  shortcut,
  unavailable = false,
  primary = false,
  onPress,
}: ButtonProps) {
  return (
    <button
      type="button"
      className={primary ? 'transport-button is-primary' : 'transport-button'}
      aria-label={label}
      aria-keyshortcuts={shortcut}
      aria-disabled={unavailable || undefined}
      title={`${label} (${shortcut.replace('ArrowLeft', '←').replace('ArrowRight', '→')})`}
      onClick={() => {
        if (!unavailable) onPress();
      }}
    >
      <PlayerIcon name={icon} />
      {primary && <span className="transport-label">{label}</span>}
    </button>
  );
}

export function TransportButtons() {
  const simStore = useSimStoreApi();
  const cursor = useSimStore((s) => s.cursor);
  const last = useSimStore((s) => s.log.length - 1);
  const playing = useSimStore((s) => s.playing);
  // Actions never change, so reading them once per render subscribes to nothing.
  const actions = simStore.getState();
  const atStart = cursor < 0;
  const atEnd = cursor >= last && !playing;
  return (
    <div className="transport" role="group" aria-label="Playback">
      <TransportButton
        label="Jump to start"
        icon="to-start"
        shortcut="Home"
        unavailable={atStart}
        onPress={actions.jumpToStart}
      />
      <TransportButton
        label="Step back"
        icon="step-back"
        shortcut="ArrowLeft"
        unavailable={atStart}
        onPress={actions.stepBack}
      />
      <TransportButton
        label={playing ? 'Pause' : 'Play'}
        icon={playing ? 'pause' : 'play'}
        shortcut="Space"
        primary
        unavailable={last < 0}
        onPress={actions.toggle}
      />
      <TransportButton
        label="Step forward"
        icon="step-forward"
        shortcut="ArrowRight"
        unavailable={cursor >= last}
        onPress={actions.stepForward}
      />
      <TransportButton
        label="Jump to end"
        icon="to-end"
        shortcut="End"
        unavailable={atEnd}
        onPress={actions.jumpToEnd}
      />
    </div>
  );
}
