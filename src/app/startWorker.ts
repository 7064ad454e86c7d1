/** Imported first by main.tsx: starts the simulation worker before the rest of the page's code is evaluated. */
import { startWorkerEarly } from '../bridge/earlyWorker';

startWorkerEarly();
