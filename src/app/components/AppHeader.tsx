/** The page header: product name and the run controls. */
import type { ReactNode } from 'react';

export function AppHeader({ children }: { children: ReactNode }) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <h1 className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Lambda invocation visualizer</span>
        </h1>
        {children}
      </div>
    </header>
  );
}
