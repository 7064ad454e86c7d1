/** Entry point: mounts the app into `#root`. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './app.css';
import './player.css';
import './scrubber.css';
import './shortcutsDialog.css';
import './timelineCursor.css';
import '../ui/diagram/diagram.css';
import '../ui/panel/panel.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
