// The readings of one Chinese character, from pinyin-pro, cached per character. A traditional
// character also gets the readings of its simplified form (OpenCC's character table), because
// the pages were converted from simplified one character at a time and tagged from either form.
// It never guesses a reading from context: all readings of a polyphone count.

import { pinyin } from 'pinyin-pro';
import { simplifiedCharOf } from '../script/opencc.ts';
import { parseSyllable, type ParsedSyllable } from './syllable.ts';

export interface Reading extends ParsedSyllable {
  /** As pinyin-pro writes it, with tone marks: `guān`, `zhe`, `lǜ`. */
  written: string;
}

const HAN = /^\p{Script=Han}$/u;
const cache = new Map<string, readonly Reading[]>();

function ownReadings(ch: string): Reading[] {
  const out: Reading[] = [];
  for (const written of pinyin(ch, { multiple: true, type: 'array' })) {
    const p = parseSyllable(written);
    // pinyin-pro answers a character it does not know with the character itself; a reading it
    // writes without a tone mark is the neutral tone.
    if (p) out.push({ ...p, tone: p.tone ?? 0, written });
  }
  return out;
}

/** All readings of one character (one code point), parsed; empty for a non-Han character. */
export function readingKeysOf(ch: string): readonly Reading[] {
  let hit = cache.get(ch);
  if (hit) return hit;
  if (!HAN.test(ch)) {
    hit = [];
  } else {
    const own = ownReadings(ch);
    const simplified = simplifiedCharOf(ch);
    if (simplified !== ch) {
      for (const r of ownReadings(simplified)) {
        if (!own.some((o) => o.base === r.base && o.tone === r.tone)) own.push(r);
      }
    }
    hit = own;
  }
  cache.set(ch, hit);
  return hit;
}

/**
 * Every reading of a character with tone marks, as pinyin-pro writes them (`調` → `diào`,
 * `tiáo`); a traditional character adds those of its simplified form. Empty when the character
 * is not Han or has no known reading.
 */
export function readingsOf(char: string): string[] {
  return readingKeysOf(char).map((r) => r.written);
}
