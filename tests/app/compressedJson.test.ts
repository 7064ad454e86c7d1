/** JSON in a link: what goes in comes out, and a damaged link is refused with a reason. */
import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson } from '../../src/app/share/compressedJson';
import { getPreset } from '../../src/scenarios/presets';

describe('encodeJson / decodeJson', () => {
  it('round-trips a scenario, and the link text is URL-safe and smaller than the JSON', async () => {
    const scenario = getPreset('sqs-redrive-to-dlq');
    const text = await encodeJson(scenario);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(JSON.stringify(scenario).length);
    expect(await decodeJson(text)).toEqual({ ok: true, value: scenario });
  });

  it('keeps text outside ASCII', async () => {
    const value = { title: 'Bestellung ünd 注文 🚀' };
    expect(await decodeJson(await encodeJson(value))).toEqual({ ok: true, value });
  });

  it('refuses a truncated text, an altered one, and characters a link does not hold', async () => {
    const text = await encodeJson(getPreset('default'));
    const cut = await decodeJson(text.slice(0, Math.floor(text.length / 2)));
    expect(cut.ok).toBe(false);
    const altered = await decodeJson(`${text.slice(0, 10)}${text[10] === 'A' ? 'B' : 'A'}${text.slice(11)}`);
    // An altered byte either fails to unpack or unpacks to something else: never the original.
    if (altered.ok) expect(altered.value).not.toEqual(getPreset('default'));
    expect(await decodeJson('not base64!')).toMatchObject({ ok: false, problem: /letters, digits/ });
    expect(await decodeJson('')).toMatchObject({ ok: false });
  });
});
