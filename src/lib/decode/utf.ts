// Strict UTF-8 and UTF-16 validation that reports *where* the bytes stop being valid (the
// platform TextDecoder only says that they do). It never repairs or replaces anything.

import { hex, hexRun } from './errors.ts';

/** The first invalid place in a byte run, with the problem in words. */
export interface Invalid {
  offset: number;
  problem: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes strictly as UTF-8 (a leading BOM is kept in the result), or returns where it fails. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | Invalid {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return firstInvalidUtf8(bytes) ?? { offset: 0, problem: 'not valid UTF-8' };
  }
}

/** Walks UTF-8 by the Unicode well-formedness table (no overlongs, no surrogates, ≤ U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): Invalid | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      const why = b >= 0x80 && b <= 0xbf ? 'a continuation byte with no lead byte' : 'never valid in UTF-8';
      return { offset: i, problem: `${hex(b)} is ${why}` };
    }
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { offset: i, problem: `${hexRun(bytes, i, n)}: a UTF-8 character cut off by the end of the file` };
      const c = bytes[i + k]!;
      const ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
      if (!ok) return { offset: i, problem: `${hexRun(bytes, i, i + k + 1)}: not a UTF-8 character` };
    }
    i += need + 1;
  }
  return null;
}

/**
 * Decodes UTF-16 code units from `bytes[start..]` (after the byte-order mark), strictly: an odd
 * byte count or an unpaired surrogate is an error at its byte offset.
 */
export function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): { text: string } | Invalid {
  const body = bytes.length - start;
  if (body % 2 !== 0) {
    return { offset: bytes.length - 1, problem: 'UTF-16 with an odd number of bytes: the last character is cut off' };
  }
  const units = new Uint16Array(body / 2);
  for (let u = 0, i = start; u < units.length; u++, i += 2) {
    units[u] = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  }
  for (let u = 0; u < units.length; u++) {
    const c = units[u]!;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = units[u + 1];
      if (next !== undefined && next >= 0xdc00 && next <= 0xdfff) {
        u++;
        continue;
      }
      return { offset: start + 2 * u, problem: `unpaired UTF-16 high surrogate U+${c.toString(16).toUpperCase()}` };
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return { offset: start + 2 * u, problem: `unpaired UTF-16 low surrogate U+${c.toString(16).toUpperCase()}` };
    }
  }
  // Build the string in slices: String.fromCharCode with a huge spread overflows the stack.
  const parts: string[] = [];
  for (let u = 0; u < units.length; u += 8192) {
    parts.push(String.fromCharCode(...units.subarray(u, u + 8192)));
  }
  return { text: parts.join('') };
}
