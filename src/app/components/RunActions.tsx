/**
 * What one can do with the shown run: fork it from the player's moment, edit its scenario, compare it
 * with other runs, export it as a SAM template, copy a link to it. The dialogs load when first opened.
 */
import { Suspense, lazy, useState } from 'react';
import type { ScenarioChange } from '../../protocol/messages';
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';
import { QuizMeButton } from '../../ui/quiz/QuizMeButton';
import { CopyLinkButton } from './CopyLinkButton';

// The Download menu's button is small; its builders and html-to-image load on its first opening.
const ExportMenu = lazy(() => import('../../ui/export/ExportMenu').then((m) => ({ default: m.ExportMenu })));
const ForkDialog = lazy(() => import('../fork/ForkDialog').then((m) => ({ default: m.ForkDialog })));

interface Props {
  onFork(atMs: number, changes: ScenarioChange[], label: string): void;
  onEdit(): void;
  onCompare(): void;
  onExport?(): void;
  /** Starts "predict the next step" over this run. */
  onQuiz?(): void;
}

export function RunActions({ onFork, onEdit, onCompare, onExport, onQuiz }: Props) {
  const store = useSimStoreApi();
  // After a failed run, the run still shown keeps its actions (its scenario, the editor's text).
  const scenario = useSimStore((s) => (s.status !== 'loading' ? s.scenario : null));
  const [forkAt, setForkAt] = useState<number | null>(null);
  return (
    <div className="run-actions" role="toolbar" aria-label="This run">
      <button
        type="button"
        className="button-secondary"
        disabled={!scenario}
        title="Change a setting, inject a failure or an event at the player’s moment, and compare"
        onClick={() => setForkAt(Math.round(store.getState().clockMs))}
      >
        Fork from here
      </button>
      <button type="button" className="button-secondary" disabled={!scenario} onClick={onEdit}>
        Edit scenario
      </button>
      <button type="button" className="button-secondary" onClick={onCompare}>
        Compare with…
      </button>
      {onExport && (
        <button type="button" className="button-secondary" disabled={!scenario} onClick={onExport}>
          Export as SAM
        </button>
      )}
      {onQuiz && <QuizMeButton onStart={onQuiz} className="button-secondary" />}
      <CopyLinkButton />
      <Suspense fallback={null}>
        <ExportMenu />
      </Suspense>
      {forkAt !== null && scenario && (
        <Suspense fallback={null}>
          <ForkDialog
            open
            scenario={scenario}
            atMs={forkAt}
            onClose={() => setForkAt(null)}
            onFork={(changes, label) => {
              setForkAt(null);
              onFork(forkAt, changes, label);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
