/**
 * One run of a comparison: its title, its diagram and the event it is on, all read from the pane's own
 * store (the shared player moves it).
 */
import { SimStoreContext } from '../../store/useSimStore';
import { FlowDiagram } from '../../ui/diagram/FlowDiagram';
import { CurrentEvent } from '../components/CurrentEvent';
import type { ComparisonPane } from './useComparison';

interface Props {
  pane: ComparisonPane;
  index: number;
  colorMode: 'light' | 'dark' | 'system';
}

export function ComparePane({ pane, index, colorMode }: Props) {
  const headingId = `compare-pane-${index}`;
  return (
    <SimStoreContext.Provider value={pane.store}>
      <section className="compare-pane" aria-labelledby={headingId} data-testid="compare-pane">
        <header className="compare-pane-header">
          <span className="compare-pane-number" aria-hidden="true">
            {index + 1}
          </span>
          <div>
            <h2 id={headingId}>{pane.title}</h2>
            {pane.note && <p className="muted small">{pane.note}</p>}
          </div>
        </header>
        <div className="compare-pane-diagram">
          <FlowDiagram colorMode={colorMode} />
        </div>
        <CurrentEvent quiet />
      </section>
    </SimStoreContext.Provider>
  );
}
