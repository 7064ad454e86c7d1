/** The names of exported files, so every download of one run sorts together: `<scenario>-seed<seed>-<what>.<ext>`. */

/** A scenario id as a safe file-name part: letters, digits, dots, dashes and underscores only. */
function safePart(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return cleaned || 'scenario';
}

/** `<scenario id>-seed<seed>-<what>.<ext>`, e.g. `async-dlq-seed1-results.json`. */
export function exportFileName(scenarioId: string, seed: number, what: string, ext: string): string {
  return `${safePart(scenarioId)}-seed${seed}-${what}.${ext}`;
}
