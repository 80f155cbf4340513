// Layer 3 of the damage model: pinyin tags. Per page a random set of character types is tagged
// (traditional characters outside GB2312); every occurrence of a tagged type is followed by its
// reading in parentheses with tone marks, `關(guān)`, and a type always gets the same reading.

import { pinyin } from 'pinyin-pro';
import { gbkBytes, inGB2312, isDoubleByte } from './gbk.ts';
import type { Rng } from './prng.ts';
import { TracedBuilder, isTraced, tracedChars, traceClean, type Traced } from './traced.ts';

/** The letters a tag may hold (pinyin with tone marks, as the pages show them). */
export const TAG_READING = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿɡ]+$/;

const readingsCache = new Map<string, string[]>();

/** The readings pinyin-pro knows for one character that a tag could show (first = most common). */
export function readingsOf(ch: string): string[] {
  const hit = readingsCache.get(ch);
  if (hit) return hit;
  let out: string[] = [];
  if (/^\p{Script=Han}$/u.test(ch)) {
    const all = pinyin(ch, { multiple: true, type: 'array' }) as string[];
    out = all.filter((r) => TAG_READING.test(r) && [...r].every((c) => c.charCodeAt(0) < 0x80 || gbkBytes(c).length === 2));
  }
  readingsCache.set(ch, out);
  return out;
}

/** Whether the tagger could tag this character: a Han character stored outside GB2312, with a reading. */
export function isTaggable(ch: string): boolean {
  return isDoubleByte(ch) && !inGB2312(ch) && readingsOf(ch).length > 0;
}

export interface ChooseTagsOptions {
  /** Share of the taggable types that get tagged (1 = all of them). Default: random in [0.15, 0.6]. */
  fraction?: number;
  /** Probability that a polyphone shows its first (most common) reading rather than another. Default 0.85. */
  firstReading?: number;
}

/** Picks the page's tagged types and the one reading each shows. */
export function chooseTags(traditional: string, rng: Rng, options: ChooseTagsOptions = {}): Map<string, string> {
  const fraction = options.fraction ?? 0.15 + 0.45 * rng.next();
  const firstReading = options.firstReading ?? 0.85;
  const types: string[] = [];
  const seen = new Set<string>();
  for (const ch of traditional) {
    if (seen.has(ch)) continue;
    seen.add(ch);
    if (isTaggable(ch)) types.push(ch);
  }
  const tags = new Map<string, string>();
  for (const ch of types) {
    if (!(fraction >= 1 || rng.chance(fraction))) continue;
    const readings = readingsOf(ch);
    const reading = readings.length > 1 && !rng.chance(firstReading) ? rng.pick(readings.slice(1)) : readings[0];
    if (reading) tags.set(ch, reading);
  }
  return tags;
}

/** Puts `(reading)` after every occurrence of every tagged type. Tags stand for nothing in the clean text. */
export function addPinyinTags(input: string, tags: ReadonlyMap<string, string>): string;
export function addPinyinTags(input: Traced, tags: ReadonlyMap<string, string>): Traced;
export function addPinyinTags(input: string | Traced, tags: ReadonlyMap<string, string>): string | Traced {
  const t = isTraced(input) ? input : traceClean(input);
  const b = new TracedBuilder();
  for (const { ch, from, to } of tracedChars(t)) {
    b.push(ch, from, to);
    const reading = tags.get(ch);
    if (reading !== undefined) b.insert(`(${reading})`);
  }
  const out = b.build();
  return isTraced(input) ? out : out.text;
}
