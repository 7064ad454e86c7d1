/**
 * The side panel, the inspector of what the learner follows. With an item selected: its life on a
 * timeline, its attempts (result, duration, cold or warm, environment), its payload, its story so far
 * (every event that concerned it, up to the player's moment, each a click away) and the records sent
 * about it; with a component selected: its settings (AWS's names), its metrics so far, what is there now
 * and what last happened there; with nothing selected, how to read the diagram.
 */
import { Suspense, lazy } from 'react';
import { deliveriesAt, itemStateAt, shownMs } from '../../store/selectors';
import { DeliveryRecord } from '../../app/components/DeliveryRecord';
import { selectFlowFrame, selectFlowModel } from '../../store/diagram/flowSelectors';
import { itemHistory, nodeHistory } from '../../store/diagram/history';
import { useSimStore } from '../../store/useSimStore';
import { itemKindName } from '../../app/awsNames';
import { OutcomeBadge } from '../../app/components/OutcomeBadge';
import { HistoryList } from './HistoryList';
import { DiagramLegend } from './DiagramLegend';
import { PHASES } from '../../diagram/places';
import { phaseWord } from '../diagram/phaseLook';
import { ServiceIcon } from '../icons';
import { itemIndexOf } from '../../diagram/flowIndex';

// The inspector's details load when something is first selected.
const ItemInspector = lazy(() =>
  import('../inspector/ItemInspector').then((m) => ({ default: m.ItemInspector })),
);
const NodeMetrics = lazy(() => import('../inspector/NodeMetrics').then((m) => ({ default: m.NodeMetrics })));

function ItemDetails({ id }: { id: string }) {
  const model = useSimStore(selectFlowModel);
  const results = useSimStore((s) => s.results);
  const log = useSimStore((s) => s.log);
  const cursor = useSimStore((s) => s.cursor);
  const clear = useSimStore((s) => s.clearSelection);
  // By the index (a run may hold 100,000 items, and this renders at every step).
  const at = model ? itemIndexOf(model.index, id) : undefined;
  const item = at === undefined ? undefined : results?.items[at];
  if (!model || !item) return null;
  const atMs = shownMs(log, cursor);
  const state = itemStateAt(item, atMs);
  const history = itemHistory(model.index, id, cursor);
  return (
    <section className="selection" aria-labelledby="selection-title">
      <header className="selection-head">
        <div>
          <p className="eyebrow">{itemKindName(item.kind)}</p>
          <h2 id="selection-title">
            <code>{item.id}</code>
          </h2>
        </div>
        <button type="button" className="button-secondary button-small" onClick={clear}>
          Close
        </button>
      </header>
      {state ? (
        <p className="selection-status">
          <OutcomeBadge outcome={state.outcome} />
          <span>
            {state.attempts.length} attempt{state.attempts.length === 1 ? '' : 's'} so far
          </span>
        </p>
      ) : (
        <p className="muted">It has not arrived yet at this moment.</p>
      )}
      {state && (
        <Suspense fallback={null}>
          <ItemInspector item={state} atMs={atMs} />
        </Suspense>
      )}
      <h3 className="selection-subhead">Its story so far</h3>
      <HistoryList indexes={history} empty="Nothing has happened to it yet." />
      {state && state.deliveries.length > 0 && (
        <>
          <h3 className="selection-subhead">Records sent about it</h3>
          {state.deliveries.map((d, i) => (
            <DeliveryRecord key={i} delivery={{ ...d, item: item.id, key: `${item.id}#${i}` }} open />
          ))}
        </>
      )}
    </section>
  );
}

/** Records a destination had received by now (the first few: they show the shape). */
function ReceivedRecords({ arn }: { arn: string }) {
  const results = useSimStore((s) => s.results);
  const atMs = useSimStore((s) => shownMs(s.log, s.cursor));
  if (!results) return null;
  const received = deliveriesAt(results.items, atMs).filter((d) => d.destination === arn);
  return (
    <>
      <h3 className="selection-subhead">Records received ({received.length.toLocaleString('en-US')})</h3>
      {received.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        received
          .slice(0, RECORDS_SHOWN)
          .map((d, i) => <DeliveryRecord key={d.key} delivery={d} open={i === 0} />)
      )}
    </>
  );
}

const RECORDS_SHOWN = 5;

function NodeDetails({ id }: { id: string }) {
  const model = useSimStore(selectFlowModel);
  const summary = useSimStore((s) => selectFlowFrame(s)?.nodes[id]);
  const cursor = useSimStore((s) => s.cursor);
  const clear = useSimStore((s) => s.clearSelection);
  const topo = model?.topology.nodes.find((n) => n.id === id);
  if (!model || !topo) return null;
  const history = nodeHistory(model.index, id, cursor);
  const here = PHASES.filter((p) => (summary?.byPhase[p] ?? 0) > 0);
  return (
    <section className="selection" aria-labelledby="selection-title">
      <header className="selection-head">
        <ServiceIcon name={topo.icon} size={36} />
        <div>
          <p className="eyebrow">{topo.subtitle}</p>
          <h2 id="selection-title">{topo.title}</h2>
        </div>
        <button type="button" className="button-secondary button-small" onClick={clear}>
          Close
        </button>
      </header>
      {topo.config.length > 0 && (
        <dl className="selection-config" aria-label="Configuration">
          {topo.config.map((line) => (
            <div key={line.name}>
              <dt>{line.name}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {(topo.kind === 'function' || topo.kind === 'lambda') && (
        <Suspense fallback={null}>
          <NodeMetrics />
        </Suspense>
      )}
      <h3 className="selection-subhead">Here now</h3>
      {here.length === 0 ? (
        <p className="muted">Nothing.</p>
      ) : (
        <ul className="selection-counts">
          {here.map((phase) => (
            <li key={phase}>
              <strong>{(summary?.byPhase[phase] ?? 0).toLocaleString('en-US')}</strong>{' '}
              {phaseWord(phase, topo.kind)}
            </li>
          ))}
        </ul>
      )}
      {topo.arn && <ReceivedRecords arn={topo.arn} />}
      <h3 className="selection-subhead">What happened here lately</h3>
      <HistoryList indexes={history} empty="Nothing has happened here yet." />
    </section>
  );
}

export function SelectionPanel() {
  const itemId = useSimStore((s) => s.selectedItemId);
  const nodeId = useSimStore((s) => s.selectedNodeId);
  return (
    <aside className="side-panel" aria-label="Selection">
      {itemId !== null ? (
        <ItemDetails id={itemId} />
      ) : nodeId !== null ? (
        <NodeDetails id={nodeId} />
      ) : (
        <DiagramLegend />
      )}
    </aside>
  );
}
