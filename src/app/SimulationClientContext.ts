/**
 * The page's SimulationClient, for panels deep in the run's view that start work of their own (the
 * many-runs sweep). The shell (App.tsx) owns the client and provides it; without a provider the value is
 * null and such panels are not shown.
 */
import { createContext, useContext } from 'react';
import type { SimulationClient } from '../bridge/simulationClient';

export const SimulationClientContext = createContext<SimulationClient | null>(null);

/** The client the shell provides, or null outside it. */
export function useSimulationClient(): SimulationClient | null {
  return useContext(SimulationClientContext);
}
