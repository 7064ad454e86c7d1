/**
 * What the "Download" menu's items do, loaded the first time the menu opens (with the builders and
 * html-to-image): read the run from the menu's store, build the file, save it or copy it.
 */
import { formatOffset } from '../../app/format';
import { chunksText } from '../../app/export/chunks';
import { exportFileName } from '../../app/export/fileName';
import { exportParts, textExport, type ExportedRun, type TextExportKind } from '../../app/export/runExports';
import type { SimStore } from '../../store/simStore';
import { diagramPng, diagramSvg } from './diagramImage';
import { diagramSourceFor } from './diagramSources';
import { downloadBlob } from './download';

export type ExportAction = TextExportKind | 'diagram-png' | 'diagram-svg' | 'copy-transcript';

/** The run as the store holds it now, or an error written for the user. */
function runOf(store: SimStore): ExportedRun & { clockMs: number } {
  const { results, log, scenario, cursor, clockMs, status } = store.getState();
  if (status !== 'ready' || !results || !scenario) throw new Error('The run has not finished yet.');
  return { results, log, scenario, cursor, clockMs };
}

/** The image's caption: what run, and the simulated moment it shows. */
export function diagramCaption(run: ExportedRun & { clockMs: number }): string {
  return `${run.scenario.title} · seed ${run.results.seed} · simulated time ${formatOffset(run.clockMs)}`;
}

/** Does `action` for the run of `store`; resolves to a short sentence saying what happened. */
export async function runExportAction(
  action: ExportAction,
  store: SimStore,
  signal?: AbortSignal,
): Promise<string> {
  const run = runOf(store);
  switch (action) {
    case 'diagram-png':
    case 'diagram-svg': {
      const source = diagramSourceFor(store);
      if (!source) throw new Error('The diagram is not on the page.');
      const png = action === 'diagram-png';
      const blob = await (png ? diagramPng : diagramSvg)(source, diagramCaption(run));
      const fileName = exportFileName(run.results.scenario, run.results.seed, 'diagram', png ? 'png' : 'svg');
      downloadBlob(blob, fileName);
      return `Saved ${fileName}.`;
    }
    case 'copy-transcript': {
      // What the player has shown so far, as the narration panel's transcript copies it.
      const text = chunksText(
        await exportParts(textExport('transcript-text', run, { upToCursor: true }), signal),
      );
      if (!navigator.clipboard?.writeText) throw new Error('This browser does not allow copying here.');
      await navigator.clipboard.writeText(text);
      return 'Copied the transcript up to the player’s moment.';
    }
    default: {
      const file = textExport(action, run);
      const parts = await exportParts(file, signal);
      downloadBlob(new Blob(parts, { type: file.mimeType }), file.fileName);
      return `Saved ${file.fileName}.`;
    }
  }
}
