// How the page is read as bytes: a page character as the lead and trail bytes it was made of, the
// pinyin tags the page puts after characters, and the in-step text around a run as the model reads it.

import { isPinyinSyllable, PINYIN_LETTERS, reads, withoutPinyinParentheticals } from '../../pinyin/index.ts';
import { decodePair, encodeChar, isPrivateUse, isTrail, LEAD_MAX, LEAD_MIN } from '../gbk.ts';
import { PUA_TRAIL_COST, PUA_TRAIL_DISTANCE_COST } from './constants.ts';

export const TAG_RE = new RegExp(`^\\(([${PINYIN_LETTERS}]+)\\)`, 'iu');
export const TAG_FRAGMENT_RE = new RegExp(`^([${PINYIN_LETTERS}]+)\\)`, 'iu');

export interface ByteOpt {
  b: number;
  lp: number;
}

/** A page character read as the two bytes it was made of. */
export interface Token {
  /** Offsets in the line: the character, and any tag on it that belongs to the misreading. */
  start: number;
  end: number;
  lead: ByteOpt[];
  trail: ByteOpt[];
  /** A `?` stood before this character: two bytes between it and the last that could not be read. */
  unreadable?: boolean;
}

export const ALL_LEADS: ByteOpt[] = range(LEAD_MIN, LEAD_MAX).map((b) => ({ b, lp: 0 }));
export const HIGH_TRAILS: ByteOpt[] = range(0x80, 0xfe).map((b) => ({ b, lp: 0 }));

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

// Whether a tag's syllable reads a character: the pinyin module's, shared with the script stage.
export { reads } from '../../pinyin/index.ts';

/** Read a page character as bytes, or undefined if it cannot be part of a misread run. */
export function tokenBytes(ch: string): { lead: ByteOpt[]; trail: ByteOpt[] } | undefined {
  const code = ch.charCodeAt(0);
  if (code >= 0x21 && code <= 0x7e) {
    // A full-width form folded to ASCII: ！ is A3A1, ～ is A3FE.
    return { lead: [{ b: 0xa3, lp: 0 }], trail: [{ b: code + 0x80, lp: 0 }] };
  }
  if (ch === ' ') return { lead: [{ b: 0xa1, lp: 0 }], trail: [{ b: 0xa1, lp: 0 }] };
  const pair = encodeChar(ch);
  if (pair === undefined) return undefined;
  const lead = pair >> 8;
  const trail = pair & 0xff;
  if (isPrivateUse(ch)) {
    // The lead byte is reliable, the trail byte only a hint: the true pair was also one that
    // shows as a private-use character, most often the very one shown, else a near one.
    const trails: ByteOpt[] = [];
    for (let t = 0x40; t <= 0xfe; t++) {
      if (!isTrail(t) || !isPrivateUse(decodePair(lead, t))) continue;
      trails.push({ b: t, lp: t === trail ? 0 : -(PUA_TRAIL_COST + PUA_TRAIL_DISTANCE_COST * Math.abs(t - trail)) });
    }
    return { lead: [{ b: lead, lp: 0 }], trail: trails };
  }
  return { lead: [{ b: lead, lp: 0 }], trail: [{ b: trail, lp: 0 }] };
}

/**
 * The tag right after the `?` at `at` that shows a run starts there, or null: a fragment (`?qū)`:
 * the lost byte and the tag's `(` collapsed into the `?`), or a whole tag that does not read the
 * character before the `?` (`，?(wēn)`: it read a character of the misreading).
 */
export function tagAfterMark(line: string, at: number): RegExpExecArray | null {
  const after = line.slice(at + 1);
  const whole = TAG_RE.exec(after);
  const before = at > 0 ? line[at - 1]! : '';
  const tag = TAG_FRAGMENT_RE.exec(after) ?? (whole && !reads(before, whole[1]!) ? whole : null);
  return tag && isPinyinSyllable(tag[1]!) ? tag : null;
}

/** What the edition prints for a character that could not be restored. */
export const LACUNA = '□';

/** The two characters before `at` that the model reads as context (pinyin tags skipped). */
export function leftContext(line: string, at: number): string {
  return plainContext(line.slice(Math.max(0, at - 24), at)).slice(-2);
}

/**
 * Where the in-step text after a run that ends at `end` begins: a `?` that swallowed a tag's `(`
 * (suffix `(`) leaves the rest of the tag (`gòu)`) before it, which belongs to the run's last
 * character and is no context.
 */
export function inStepAfter(line: string, end: number, suffix: string): number {
  const frag = suffix === '(' ? TAG_FRAGMENT_RE.exec(line.slice(end)) : null;
  return frag ? end + frag[0].length : end;
}

/**
 * Strip pinyin tags and citation markers ([2], [4-5], [1,3]) from in-step context, so the model
 * reads the text the author wrote around them: its counts hold neither.
 */
export function plainContext(text: string): string {
  return withoutPinyinParentheticals(text).replace(CITATION_MARKER, '');
}
const CITATION_MARKER = /\[\d{1,3}(?:\s*[,，\-–~]\s*\d{1,3})*\]/g;
