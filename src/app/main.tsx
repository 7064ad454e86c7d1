/** Entry point: reads the address bar and mounts the app into `#root`. */
import '../scenarios/zodJitless'; // first: before any schema is built (Content Security Policy, docs/security.md)
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readInitialState } from './share/initialState';
import './app.css';
import './player.css';
import './scrubber.css';
import './shortcutsDialog.css';
import './timelineCursor.css';
import '../ui/diagram/diagram.css';
import '../ui/panel/panel.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A link may carry its own scenario, compressed: it is unpacked before the first render.
const initial = await readInitialState(window.location.search);
createRoot(root).render(
  <StrictMode>
    <App initial={initial} />
  </StrictMode>,
);
