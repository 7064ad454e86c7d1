/**
 * JSON in a link: deflate (the browser's own CompressionStream, no library) and base64url, so an edited
 * scenario of a few kilobytes fits in an address. Reading is strict: a truncated or altered text gives
 * an error that says so, never a half-read value.
 */

const MAX_DECODED_BYTES = 1_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** A JSON value as a compact, URL-safe text. */
export async function encodeJson(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

export type Decoded = { ok: true; value: unknown } | { ok: false; problem: string };

/** The JSON value a text from `encodeJson` holds, or what is wrong with the text. */
export async function decodeJson(text: string): Promise<Decoded> {
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length === 0)
    return { ok: false, problem: 'it is not the text a link holds (letters, digits, - and _)' };
  let json: Uint8Array;
  try {
    json = await pipe(bytes, new DecompressionStream('deflate-raw'));
  } catch {
    return { ok: false, problem: 'it is cut short or altered, so it cannot be unpacked' };
  }
  if (json.length > MAX_DECODED_BYTES) return { ok: false, problem: 'it unpacks to more than 1 MB' };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) };
  } catch {
    return { ok: false, problem: 'it unpacks to something that is not JSON' };
  }
}
