/**
 * The scenario editor in place of the run: it starts from the shown run's scenario (defaults filled in),
 * and "Run this scenario" runs the edited one. Closing goes back to the run, untouched.
 */
import type { Scenario } from '../scenarios/schema';
import { ScenarioEditor } from '../ui/editor/ScenarioEditor';

interface Props {
  scenario: Scenario;
  title: string;
  onRun(json: unknown, title: string): void;
  onClose(): void;
}

const EDITED = ' (edited)';

export function EditorPage({ scenario, title, onRun, onClose }: Props) {
  const editedTitle = title.endsWith(EDITED) ? title : `${title}${EDITED}`;
  return (
    <ScenarioEditor
      initial={scenario}
      onRun={(_validated, json) => onRun(json, editedTitle)}
      onClose={onClose}
    />
  );
}
