/** Entry point: reads the address bar and mounts the app into `#root`. */
import '../scenarios/zodJitless'; // first: before any schema is built (Content Security Policy, docs/security.md)
import './startWorker'; // then the worker, which loads while the rest of the page's code is evaluated
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimulationClient } from '../bridge/simulationClient';
import { App } from './App';
import { withLinkScenario } from './share/initialState';
import { readUrlState } from './urlState';
import './app.css';
import './player.css';
import './scrubber.css';
import './shortcutsDialog.css';
import './timelineCursor.css';
import '../ui/diagram/diagram.css';
import '../ui/panel/panel.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const urlState = readUrlState(window.location.search);
// The client takes the worker started early (startWorker.ts); warmUp starts one if that failed.
const client = createSimulationClient(urlState.watchdogMs ? { timeoutMs: urlState.watchdogMs } : {});
client.warmUp();
// A link may carry its own scenario, compressed: it is unpacked before the first render.
const initial = await withLinkScenario(urlState);
createRoot(root).render(
  <StrictMode>
    <App initial={initial} client={client} />
  </StrictMode>,
);
