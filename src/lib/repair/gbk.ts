// GBK byte tables for the mojibake repair: which character a lead/trail byte pair decodes to, and
// which byte pair a character came from. Built once from iconv-lite's GBK codec; never guesses.

import iconv from 'iconv-lite';

export const LEAD_MIN = 0x81;
export const LEAD_MAX = 0xfe;

/** A byte that can stand second in a GBK double-byte character. */
export function isTrail(b: number): boolean {
  return b >= 0x40 && b <= 0xfe && b !== 0x7f;
}

export function isLead(b: number): boolean {
  return b >= LEAD_MIN && b <= LEAD_MAX;
}

/** A private-use code point: how iconv-lite shows GBK's user-defined (and unassigned) pairs. */
export function isPrivateUse(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0xe000 && c <= 0xf8ff;
}

interface Tables {
  /** (lead << 8 | trail) → decoded character ('' where the pair is not a character). */
  decode: string[];
  /** character → (lead << 8 | trail) */
  encode: Map<string, number>;
}

let tables: Tables | undefined;

function build(): Tables {
  const decode: string[] = new Array(65536).fill('');
  const encode = new Map<string, number>();
  const pair = Buffer.alloc(2);
  for (let lead = LEAD_MIN; lead <= LEAD_MAX; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = iconv.decode(pair, 'gbk');
      if (ch.length !== 1 || ch === '\ufffd') continue;
      const code = (lead << 8) | trail;
      decode[code] = ch;
      if (!encode.has(ch)) encode.set(ch, code);
    }
  }
  return { decode, encode };
}

function get(): Tables {
  tables ??= build();
  return tables;
}

/** The character a GBK pair decodes to, or '' if none. */
export function decodePair(lead: number, trail: number): string {
  return get().decode[(lead << 8) | trail] ?? '';
}

/** The GBK pair a character encodes to, or undefined if it has none (ASCII, or outside GBK). */
export function encodeChar(ch: string): number | undefined {
  return get().encode.get(ch);
}

/** A character of GB2312, GBK's first and smallest part (rows A1–F7, trail bytes A1–FE). */
export function inGB2312(ch: string): boolean {
  const pair = encodeChar(ch);
  return pair !== undefined && pair >> 8 >= 0xa1 && pair >> 8 <= 0xf7 && (pair & 0xff) >= 0xa1;
}

/** A pair that decodes to a private-use character: user-defined or unassigned in GBK. */
export function isUserDefinedPair(lead: number, trail: number): boolean {
  const ch = decodePair(lead, trail);
  return ch !== '' && isPrivateUse(ch);
}
