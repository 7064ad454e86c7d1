/**
 * Embed mode (`?embed=1`), for course pages and slides in an iframe: the diagram and a compact player,
 * nothing else; `autoplay=1` plays once the run is ready, `loop=<from ms>-<to ms>` plays that stretch
 * over and over. A link to the full app opens the same run in a new tab.
 */
import { useEffect } from 'react';
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';
import { FlowDiagram } from '../../ui/diagram/FlowDiagram';
import { PlayerControls } from '../components/PlayerControls';
import type { EmbedOptions } from '../urlState';
import './embed.css';

interface Props {
  options: EmbedOptions;
  colorMode: 'light' | 'dark' | 'system';
  title: string;
}

export function EmbedView({ options, colorMode, title }: Props) {
  const store = useSimStoreApi();
  const ready = useSimStore((s) => s.status === 'ready' && s.results !== null);
  const error = useSimStore((s) => s.error);
  const runId = useSimStore((s) => s.runId);

  useEffect(() => {
    if (!ready) return;
    const s = store.getState();
    if (options.loop) s.seekToTime(options.loop.fromMs);
    if (options.autoplay) s.play();
  }, [ready, runId, options, store]);

  // The loop: past its end, back to its start, still playing.
  useEffect(() => {
    const loop = options.loop;
    if (!loop) return;
    return store.subscribe((s) => {
      if (s.status !== 'ready') return;
      if (s.clockMs >= loop.toMs || (!s.playing && s.clockMs >= loop.toMs - 1)) {
        const wasPlaying = s.playing || s.cursor >= s.log.length - 1;
        s.seekToTime(loop.fromMs);
        if (wasPlaying) s.play();
      }
    });
  }, [options, store]);

  const full = new URL(window.location.href);
  for (const p of ['embed', 'autoplay', 'loop']) full.searchParams.delete(p);

  return (
    <div className="embed" data-testid="embed">
      <div className="embed-head">
        <strong>{title}</strong>
        <a href={full.href} target="_blank" rel="noreferrer">
          Open in the Lambda invocation visualizer
        </a>
      </div>
      {error && (
        <p className="banner banner-error" role="alert">
          {error.message}
        </p>
      )}
      <section className="embed-stage" aria-label="Diagram of the invocation pipeline">
        {ready && <FlowDiagram colorMode={colorMode} />}
      </section>
      {ready && <PlayerControls />}
    </div>
  );
}
