// Finds the pinyin tags the damaged pages put after characters: `關(guān)`, `調(diào)`, `綠(lǜ)`.
// A parenthetical is a tag only when its content is one pinyin syllable AND that syllable is a
// reading of the character in front of it; real parentheticals (`(PSQI)`, `(一)`, `(2021)`,
// `(自治組織)`) are never tags. It only finds tags; it never removes or rewrites anything.

import { isPinyinSyllable, parseSyllable } from './syllable.ts';
import { readingKeysOf } from './readings.ts';

/** The letters a pinyin syllable is written with: Latin, ü, and the tone-marked vowels and consonants (ḿ ń ň ǹ). */
export const PINYIN_LETTERS = 'a-zü\\u00e0-\\u01dc\\u0101-\\u01ce\\u1e3f\\u0144\\u0148\\u01f9';
const PARENTHETICAL = new RegExp(`\\([${PINYIN_LETTERS}]+\\)`, 'giu');

/**
 * The text without any parenthetical written in pinyin letters: the quick view of a line as the
 * model or a comparison reads it, where whether a tag fits its character does not matter.
 */
export function withoutPinyinParentheticals(text: string): string {
  return text.replace(PARENTHETICAL, '');
}

export interface PinyinTag {
  /** Start of the tag, at its opening parenthesis (UTF-16 offset). */
  start: number;
  /** End of the tag, just after its closing parenthesis. */
  end: number;
  /** The character in front of the tag (one code point). */
  char: string;
  /** The pinyin inside the parentheses, as written (trimmed). */
  reading: string;
  /** In [0, 1]; see `readingFit`. */
  confidence: number;
}

export interface FindPinyinTagsOptions {
  /**
   * Tags below this confidence are not returned. Default 0.5: every syllable that reads the
   * character, with or without the right tone. Pass 0 to also get pinyin-looking parentheticals
   * that do NOT read the character in front (confidence `MISFIT`), e.g. to look at mojibake.
   */
  minConfidence?: number;
}

/** Confidence given to a real pinyin syllable that is not a reading of the character before it. */
export const MISFIT = 0.1;

/**
 * How well `written` (the content of a parenthetical) reads `char`, in [0, 1]:
 * - 0.99 the syllable with the tone mark of one of the character's readings (`關(guān)`);
 *   0.9 the same with a tone digit (`guan1`)
 * - 0.95 toneless, and the character has that reading in the neutral tone (`著(zhe)`)
 * - 0.8 toneless, the letters of one of its readings (`關(guan)`)
 * - 0.6 the letters of a reading with another tone (`一(yí)`: a tone-sandhi spelling)
 * - `MISFIT` (0.1) a pinyin syllable that is not a reading of the character (`測(xí)`)
 * - 0 not a pinyin syllable at all (`PSQI`, `一`, `2021`)
 * Capitalised (`Guān`) costs 0.05, capitalised without a tone (`Zhang`) caps it at 0.3; all capitals (`AN`, `A`) caps it at 0.3 since that is how
 * abbreviations and labels are written.
 */
export function readingFit(char: string, written: string): number {
  return fit(char, written, true);
}

/**
 * Does the syllable read the character (any reading of a polyphone, tone as written or another
 * tone: `readingFit` ≥ 0.6)? What a tag after a run and an author's gloss must do.
 */
export function reads(ch: string, syllable: string): boolean {
  return ch !== '' && readingFit(ch, syllable) >= 0.6;
}

/** A written reading as `fit` needs it, parsed once, with the fits worked out for it so far. */
interface Written {
  syllable: ReturnType<typeof parseSyllable>;
  /** Whether it is a pinyin syllable at all (what a misfit needs). */
  isSyllable: boolean;
  /** Fit by character, for wantMisfit false and true. */
  fits: [Map<string, number>, Map<string, number>];
}

/**
 * Fits already worked out, by written reading and then character: a page asks about the same few
 * hundred readings again and again, and the realignment asks each of them about thousands of
 * candidate characters. Two levels, so a lookup builds no key string and a reading is parsed once.
 */
const fitMemo = new Map<string, Written>();
const FIT_MEMO_MAX = 1_000_000;
let fitMemoSize = 0;

function fit(char: string, written: string, wantMisfit: boolean): number {
  let w = fitMemo.get(written);
  if (w === undefined) {
    if (fitMemoSize >= FIT_MEMO_MAX) {
      fitMemo.clear();
      fitMemoSize = 0;
    }
    w = { syllable: parseSyllable(written), isSyllable: isPinyinSyllable(written), fits: [new Map(), new Map()] };
    fitMemo.set(written, w);
  }
  const fits = w.fits[wantMisfit ? 1 : 0];
  let v = fits.get(char);
  if (v === undefined) {
    v = fitUncached(char, w, wantMisfit);
    fits.set(char, v);
    fitMemoSize++;
  }
  return v;
}

function fitUncached(char: string, written: Written, wantMisfit: boolean): number {
  const p = written.syllable;
  if (!p) return 0;
  const same = readingKeysOf(char).filter((r) => r.base === p.base);
  if (same.length === 0) {
    return wantMisfit && written.isSyllable ? MISFIT : 0;
  }
  let c: number;
  if (p.tone === null) {
    c = same.some((r) => r.tone === 0) ? 0.95 : 0.8;
  } else if (same.some((r) => r.tone === p.tone)) {
    c = p.toneBy === 'mark' ? 0.99 : 0.9;
  } else {
    c = 0.6;
  }
  // A capitalised syllable without a tone is how a name is romanised (张（Zhang）和吴（Wu）), never
  // how the site tags; with a tone mark it may still be a tag at a sentence's start.
  if (p.letterCase === 'capital') c = p.tone === null ? Math.min(c, 0.3) : c - 0.05;
  else if (p.letterCase === 'upper') c = Math.min(c, 0.3);
  return c;
}

// `(` or `（`, optional blanks, Latin letters with combining marks (and `:` for u:), an optional
// tone digit, optional blanks, `)` or `）`. Cheap to run over a page; `fit` decides.
const CANDIDATE = /[(（][ \t\u00a0\u3000]*([\p{Script=Latin}\p{M}:]{1,12}[0-5]?)[ \t\u00a0\u3000]*[)）]/gu;

/**
 * Every pinyin tag in `text`, in order. The character in front must immediately precede the
 * opening parenthesis. Tags whose character was lost (a "headless" tag after mojibake) are not
 * found here.
 */
export function findPinyinTags(text: string, options: FindPinyinTagsOptions = {}): PinyinTag[] {
  const minConfidence = options.minConfidence ?? 0.5;
  const wantMisfit = minConfidence <= MISFIT;
  const tags: PinyinTag[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const start = m.index;
    if (start === 0) continue;
    let charStart = start - 1;
    const unit = text.charCodeAt(charStart);
    if (unit >= 0xdc00 && unit <= 0xdfff && charStart > 0) {
      const high = text.charCodeAt(charStart - 1);
      if (high >= 0xd800 && high <= 0xdbff) charStart--;
    }
    const char = text.slice(charStart, start);
    const reading = m[1]!;
    let confidence = fit(char, reading, wantMisfit);
    if (confidence > MISFIT && m[0].length !== reading.length + 2) confidence -= 0.05; // blanks inside
    confidence = Math.round(confidence * 100) / 100;
    if (confidence > 0 && confidence >= minConfidence) {
      tags.push({ start, end: start + m[0].length, char, reading, confidence });
    }
  }
  return tags;
}

/** `text` with the given tags cut out (a crude strip, for tests and quick looks). */
export function stripPinyinTags(text: string, tags: readonly PinyinTag[] = findPinyinTags(text)): string {
  let out = '';
  let at = 0;
  for (const t of tags) {
    out += text.slice(at, t.start);
    at = t.end;
  }
  return out + text.slice(at);
}

/**
 * The characters whose tags on a page are the author's own glosses (叶（xié）音, 长（cháng）城 and
 * 校长（zhǎng）), not the site's. The site tags a character wherever it stands, always with the
 * same reading, and only characters it counts as taggable (on the pages of this family, those
 * outside GB2312). So a character's tags are the author's when
 * - it stands untagged at least twice, and at least twice as often as tagged; or
 * - its tags give two readings or more (朝（zhāo）霞, 朝（cháo）代); or
 * - the site would not tag it (`siteTaggable` says no) and it stands untagged somewhere (落（là）).
 * Where the site tags a character the author glosses, the gloss follows the site's tag (數(shù)(shǔ))
 * and is no tag of the character's, since a tag must follow its character.
 * Pass the page's in-step text: characters read out of step (mojibake) never carry tags and would
 * count. A tag that stands only where the in-step text was blanked out (next to a `?` that may
 * start a run) is not seen there: name its character in `alsoTagged`, and it is judged on its
 * untagged places alone.
 */
export function authorGlossed(
  lines: readonly string[],
  options: { siteTaggable?: (ch: string) => boolean; alsoTagged?: Iterable<string> } = {},
): Set<string> {
  const siteTaggable = options.siteTaggable ?? (() => true);
  // Counts per UTF-16 code: characters beyond the BMP are left to the site (never kept).
  const tagged = new Map<number, number>();
  const readings = new Map<number, Set<string>>();
  const tagStarts: number[][] = [];
  for (const line of lines) {
    const starts: number[] = [];
    for (const t of findPinyinTags(line)) {
      if (t.char.length !== 1) continue;
      const c = t.char.charCodeAt(0);
      tagged.set(c, (tagged.get(c) ?? 0) + 1);
      let rs = readings.get(c);
      if (!rs) readings.set(c, (rs = new Set()));
      rs.add(t.reading.toLowerCase());
      starts.push(t.start);
    }
    tagStarts.push(starts);
  }
  for (const ch of options.alsoTagged ?? []) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && !tagged.has(c)) {
      tagged.set(c, 0);
      readings.set(c, new Set());
    }
  }
  const out = new Set<string>();
  if (tagged.size === 0) return out;
  const isTagged = new Uint8Array(65536);
  for (const c of tagged.keys()) isTagged[c] = 1;
  const untagged = new Map<number, number>();
  lines.forEach((line, k) => {
    const starts = tagStarts[k]!;
    let next = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (!isTagged[c]) continue;
      while (next < starts.length && starts[next]! < i + 1) next++;
      if (starts[next] !== i + 1) untagged.set(c, (untagged.get(c) ?? 0) + 1);
    }
  });
  for (const [c, n] of tagged) {
    const u = untagged.get(c) ?? 0;
    const ch = String.fromCharCode(c);
    if ((u >= 2 && u >= 2 * n) || readings.get(c)!.size >= 2 || (u >= 1 && !siteTaggable(ch))) out.add(ch);
  }
  return out;
}
