// GBK byte helpers for the mojibake layer: how the page's characters were stored (iconv-lite
// 'gbk', i.e. code page 936) and how a reader decodes a byte pair, including GBK's user-defined
// area, which decodes to private-use characters.

import iconv from 'iconv-lite';

const encodeCache = new Map<string, number[]>();
const pairCache = new Map<number, string>();

/** The GBK bytes of one character; a character GBK cannot hold is stored as `?` (0x3F). */
export function gbkBytes(ch: string): number[] {
  const hit = encodeCache.get(ch);
  if (hit) return hit;
  let bytes: number[];
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) bytes = [ch.charCodeAt(0)];
  else {
    const buf = iconv.encode(ch, 'gbk');
    bytes = [...buf];
    // iconv-lite writes `?` for what GBK lacks; anything longer than a pair is not GBK either.
    if (bytes.length > 2 || (bytes.length === 1 && ch !== '?' && bytes[0] === 0x3f)) bytes = [0x3f];
  }
  encodeCache.set(ch, bytes);
  return bytes;
}

/** Whether a character is stored as a GBK double-byte character. */
export function isDoubleByte(ch: string): boolean {
  return gbkBytes(ch).length === 2;
}

/**
 * What a reader makes of the pair (lead, trail): the character, or '' if no character is mapped
 * there (the page shows `?` for such bytes).
 */
export function decodePair(lead: number, trail: number): string {
  const key = (lead << 8) | trail;
  const hit = pairCache.get(key);
  if (hit !== undefined) return hit;
  let out = '';
  if (lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f) {
    const s = iconv.decode(Buffer.from([lead, trail]), 'gbk');
    if ([...s].length === 1 && s !== '\ufffd') out = s;
  }
  pairCache.set(key, out);
  return out;
}

/** A single byte read on its own: ASCII, `€` for 0x80, '' for anything else. */
export function decodeSingle(byte: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  if (byte === 0x80) return '€';
  return '';
}

export function isPrivateUse(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0xe000 && c <= 0xf8ff;
}

/** GBK's user-defined area: lead AA–AF or F8–FE with trail A1–FE; lead A1–A7 with trail 40–A0. */
export function isUserDefinedPair(lead: number, trail: number): boolean {
  if (((lead >= 0xaa && lead <= 0xaf) || (lead >= 0xf8 && lead <= 0xfe)) && trail >= 0xa1 && trail <= 0xfe) return true;
  return lead >= 0xa1 && lead <= 0xa7 && trail >= 0x40 && trail <= 0xa0 && trail !== 0x7f;
}

/** The trail bytes a user-defined pair with this lead can have. */
export function userDefinedTrailRange(lead: number): [number, number] {
  return lead >= 0xa1 && lead <= 0xa7 ? [0x40, 0xa0] : [0xa1, 0xfe];
}

/** Whether a character is in GB2312 (lead A1–F7, trail A1–FE): the characters the tagger skips. */
export function inGB2312(ch: string): boolean {
  const b = gbkBytes(ch);
  return b.length === 2 && (b[0] ?? 0) >= 0xa1 && (b[0] ?? 0) <= 0xf7 && (b[1] ?? 0) >= 0xa1;
}

export function hex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
