/** Saving a file from the page: a Blob behind an object URL, clicked through a temporary `<a download>`. */

/**
 * How long the object URL outlives the click. Revoking at once can cancel a large download before the
 * browser has read the Blob (FileSaver.js waits 40 s for the same reason).
 */
export const REVOKE_AFTER_MS = 40_000;

/** Offers `blob` as a download named `fileName`, then frees its URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
