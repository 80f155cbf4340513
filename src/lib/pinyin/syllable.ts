// What a written pinyin syllable is: parses one syllable as it may appear in a tag (tone marks,
// tone digits, toneless, ü written as ü / v / u:, any case) into a comparable key, and knows the
// inventory of syllables. The inventory is read off pinyin-pro (every reading of every CJK
// character it knows), not typed in here. It never looks at Chinese characters.

import { polyphonic } from 'pinyin-pro';

/** Tone of a parsed syllable: 1–4, 0 for the neutral tone, or null when none was written. */
export type Tone = 0 | 1 | 2 | 3 | 4 | null;

export type LetterCase = 'lower' | 'capital' | 'upper';

export interface ParsedSyllable {
  /** Lower-case letters with ü as `v` and ê as `ê`, no tone: `lv`, `guan`, `zhe`. */
  base: string;
  tone: Tone;
  /** How the tone was written. */
  toneBy: 'mark' | 'digit' | 'none';
  letterCase: LetterCase;
}

// Combining marks after NFD: the four tone marks, the diaeresis of ü, the circumflex of ê.
const MACRON = '\u0304';
const ACUTE = '\u0301';
const CARON = '\u030c';
const GRAVE = '\u0300';
const DIAERESIS = '\u0308';
const CIRCUMFLEX = '\u0302';
const TONE_OF_MARK: Record<string, Tone> = { [MACRON]: 1, [ACUTE]: 2, [CARON]: 3, [GRAVE]: 4 };

/** Longest syllable base (`zhuang`, `chuang`, `shuang`) has 6 letters. */
const MAX_BASE = 6;

/**
 * Parses one written syllable, or returns null if it cannot be one (wrong characters, two tone
 * marks, too long). Says nothing about whether the letters form a real syllable: that is
 * `isPinyinSyllable`.
 */
export function parseSyllable(written: string): ParsedSyllable | null {
  let s = written.trim();
  if (s.length === 0 || s.length > 12) return null;
  let tone: Tone = null;
  let toneBy: ParsedSyllable['toneBy'] = 'none';
  const last = s.charCodeAt(s.length - 1);
  if (last >= 48 && last <= 53) {
    // 0–5; 0 and 5 are both used for the neutral tone
    const d = last - 48;
    tone = d === 0 || d === 5 ? 0 : (d as 1 | 2 | 3 | 4);
    toneBy = 'digit';
    s = s.slice(0, -1);
  }
  s = s.normalize('NFD');
  let base = '';
  let lower = 0;
  let upper = 0;
  let firstUpper = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = ch.charCodeAt(0);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) {
      const isUpper = code <= 90;
      if (isUpper) {
        upper++;
        if (base.length === 0) firstUpper = true;
      } else lower++;
      base += isUpper ? String.fromCharCode(code + 32) : ch;
    } else if (ch === DIAERESIS) {
      if (!base.endsWith('u')) return null;
      base = base.slice(0, -1) + 'v';
    } else if (ch === CIRCUMFLEX) {
      if (!base.endsWith('e')) return null;
      base = base.slice(0, -1) + 'ê';
    } else if (ch === ':') {
      // u: for ü
      if (!base.endsWith('u')) return null;
      base = base.slice(0, -1) + 'v';
    } else if (ch in TONE_OF_MARK) {
      if (tone !== null) return null;
      tone = TONE_OF_MARK[ch]!;
      toneBy = 'mark';
    } else {
      return null;
    }
  }
  if (base.length === 0 || base.length > MAX_BASE) return null;
  const letterCase: LetterCase =
    upper === 0 ? 'lower' : firstUpper && upper === 1 && lower > 0 ? 'capital' : 'upper';
  return { base, tone, toneBy, letterCase };
}

let inventory: Set<string> | undefined;

/**
 * Every syllable base (toneless, ü as `v`) that pinyin-pro gives for some character of the CJK
 * Unified Ideographs block. Built once, on first use (~70 ms).
 */
export function syllableInventory(): ReadonlySet<string> {
  if (inventory) return inventory;
  let block = '';
  for (let c = 0x4e00; c <= 0x9fff; c++) block += String.fromCharCode(c);
  const set = new Set<string>();
  for (const readings of polyphonic(block, { type: 'array', toneType: 'none' })) {
    for (const r of readings) {
      const p = parseSyllable(r);
      // pinyin-pro answers a character it does not know with the character itself
      if (p) set.add(p.base);
    }
  }
  inventory = set;
  return set;
}

/**
 * True when `s` is one pinyin syllable as a tag may write it: with tone marks or a tone digit or
 * toneless, ü as ü / v / u:, in any case (`guān`, `Guan`, `lv4`, `nu:3`, `de`). `PSQI` and
 * `abc` are not; neither are two syllables (`guānxì`).
 */
export function isPinyinSyllable(s: string): boolean {
  const p = parseSyllable(s);
  return p !== null && syllableInventory().has(p.base);
}
