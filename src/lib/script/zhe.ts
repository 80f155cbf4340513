// Decides, for one 著 in text that was converted to traditional with Taiwan usage, whether the
// author wrote 著 (zhù: 著作, 显著, 卓著) or 着 (the particle zhe, and zhuó/zháo: 随着, 着重,
// 睡着). Sources: OpenCC's Taiwan-variant phrase exceptions plus zhu-words.tsv for the zhù words,
// and jieba to check that such a word really stands there as a word. It never looks at any
// other character and never rewrites text itself.

import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { readDataFile } from './datafile.ts';
import { t2s, twVariantPhraseExceptions } from './opencc.ts';

export const ZHU = '著';
export const ZHE = '着';

/** A zhù word and where its 著 stand in it. */
interface ZhuWord {
  word: string;
  offsets: number[];
}

let zhuWords: ZhuWord[] | undefined;

function offsetsOf(word: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = word.indexOf(ch); i >= 0; i = word.indexOf(ch, i + 1)) out.push(i);
  return out;
}

/**
 * The zhù words, simplified: OpenCC's TWVariantsRevPhrases entries that keep 著 (著作 → 著作,
 * unlike 待著 → 待着), converted with t2s, plus the words of zhu-words.tsv.
 */
export function zhuWordList(): readonly string[] {
  return loadZhuWords().map((w) => w.word);
}

function loadZhuWords(): ZhuWord[] {
  if (zhuWords) return zhuWords;
  const words = new Set<string>();
  for (const [from, to] of twVariantPhraseExceptions()) {
    if (from.length !== to.length) continue;
    const kept = offsetsOf(from, ZHU).filter((i) => to[i] === ZHU);
    if (kept.length > 0) words.add(t2s()(from));
  }
  for (const { fields } of readDataFile('zhu-words.tsv')) {
    if (fields[0]) words.add(fields[0]);
  }
  zhuWords = [...words]
    .map((word) => ({ word, offsets: offsetsOf(word, ZHU) }))
    .filter((w) => w.offsets.length > 0);
  return zhuWords;
}

let jieba: Jieba | undefined;
/** jieba with its default dictionary, loaded on first use only (~200 ms, 5 MB). */
function segmenter(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const WINDOW = 12;
/** How many units on each side of a 著 `staysZhu` may look at. */
export const ZHE_CONTEXT = WINDOW + 2;

function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // the pages' Chinese is in the BMP; a surrogate ends the window, which is only cautious
  return c >= 0x2e80 && HAN.test(text[i]!);
}

/** Start offsets of jieba's tokens of `s`, plus s.length at the end; null if they do not tile s. */
function tokenBounds(tokens: readonly string[], length: number): number[] | null {
  const bounds = [0];
  let at = 0;
  for (const t of tokens) {
    at += t.length;
    bounds.push(at);
  }
  return at === length ? bounds : null;
}

/** Index of the token (by its bounds) that contains offset i. */
function tokenAt(bounds: readonly number[], i: number): number {
  let k = 0;
  while (k + 1 < bounds.length && bounds[k + 1]! <= i) k++;
  return k;
}

/** `text` segmented by jieba (no HMM), as token bounds relative to `from`. */
function segment(text: string, from: number): number[] | null {
  return tokenBounds(segmenter().cut(text, false), text.length)?.map((b) => b + from) ?? null;
}

const AUTHOR_AFTER = /^(?:[^\p{Script=Han}]|[译譯编編]|$)/u;

/**
 * True when the 著 at `p` in `text` (simplified apart from this 著) is zhù and stays 著; false
 * when it is the Taiwan spelling of 着. Rules, in order:
 * 1. a zhù word covers it and jieba takes that word as (part of) one token — except a word that
 *    starts with this 著 (著作, 著名) where the text reads as verb + 着 + word (发挥着作用,
 *    起着作用, 随着名气): there jieba, given 着, ends a word with it (随着) or takes it alone after
 *    a verb (发挥 着), and a word of two or more characters follows (一位 着 名作家 is no verb);
 * 2. 著 after a person's name (jieba tag nr*), 等 or 而, before punctuation, the line end or
 *    译/编: the "written by" of a reference (亨廷顿著, 张三等著), or 著 "become known" (因文章而著:
 *    the particle never follows 而). Other nouns are not enough: jieba tags 记录 and 纪念 as nouns
 *    before 着 too;
 * 3. 所著 ("what … wrote": 余肇钧所著《蒙斋读书记》; the particle never follows 所), and 著有
 *    "has written" before a book title (著有《呐喊》) or wherever 着 would not be the particle by
 *    rule 1's test (他著有, not 随着有关 or 写着有关; jieba cuts both, so the word list cannot
 *    hold them);
 * 4. otherwise 着.
 */
export function staysZhu(text: string, p: number): boolean {
  let a = p;
  while (a > 0 && p - a < WINDOW && isHanAt(text, a - 1)) a--;
  let b = p + 1;
  while (b < text.length && b - p <= WINDOW && isHanAt(text, b)) b++;

  const covering: Array<{ start: number; end: number }> = [];
  for (const w of loadZhuWords()) {
    for (const k of w.offsets) {
      const start = p - k;
      const end = start + w.word.length;
      if (start >= a && end <= b && text.startsWith(w.word, start)) covering.push({ start, end });
    }
  }
  const window = text.slice(a, b);
  if (covering.length > 0) {
    const orig = segment(window, a);
    if (orig) {
      for (const c of covering) {
        const t = tokenAt(orig, c.start);
        if (orig[t + 1]! < c.end) continue; // jieba splits the word: it is not there
        if (c.start === p && readsAsParticle(window, a, p, true)) continue;
        return true;
      }
    }
  }

  if (text[p - 1] === '所' || text.startsWith('有《', p + 1)) return true;
  // Before a title or a quotation: 著 "wrote" after a name that is no verb (高浜虚子著『鶏頭』;
  // 拿着《人民日报》 is the particle), or "set down" opening a clause (去‘泰’，著‘皇’: the particle
  // never opens one).
  if (/^[《『「“‘]/.test(text.slice(p + 1, p + 2))) {
    if (p === a) return true;
    const tagged = segmenter().tag(text.slice(a, p), false);
    const last = tagged[tagged.length - 1];
    if (last && !last.tag.startsWith('v')) return true;
  }
  if (text[p + 1] === '有' && !readsAsParticle(window, a, p, false)) return true;
  if (AUTHOR_AFTER.test(text.slice(p + 1, p + 2))) {
    // 等著 (张三等著); 而著 (因文章而著, "became known"): the particle never follows 而.
    if (text[p - 1] === '等' || text[p - 1] === '而') return true;
    if (p > a) {
      const tagged = segmenter().tag(text.slice(a, p), false);
      const last = tagged[tagged.length - 1];
      if (last && last.tag.startsWith('nr')) return true;
    }
  }
  return false;
}

/**
 * With 着 at p, does jieba read it as the particle: the end of a word that ends in it (随着,
 * 有着, 意味着), or a token of its own right after a verb (发挥 着)? `wordAfter`: and a word of
 * two or more characters starts right after it (着 作用, not 着 名 …). A 着 after anything else
 * (一位 着 名作家, 他 着 有) is no particle.
 */
function readsAsParticle(window: string, a: number, p: number, wordAfter: boolean): boolean {
  const alt = window.slice(0, p - a) + ZHE + window.slice(p - a + 1);
  const tagged = segmenter().tag(alt, false);
  const bounds = tokenBounds(tagged.map((t) => t.word), alt.length);
  if (!bounds) return false;
  const k = tokenAt(bounds, p - a);
  if (bounds[k + 1] !== p - a + 1) return false;
  if (wordAfter && (tagged[k + 1]?.word.length ?? 0) < 2) return false;
  const before = tagged[k - 1];
  return bounds[k + 1]! - bounds[k]! > 1 || ((before?.tag.startsWith('v') ?? false) && !NO_ASPECT.has(before!.word));
}

/**
 * Verbs that link a subject to what it is or is called, and never take the durative 着: after
 * them 著 is zhù (成为著名作家, 是著名学者), where after 穿 or 带 it is the particle (穿着名牌).
 */
const NO_ASPECT = new Set(['是', '为', '成为', '作为', '称为', '视为', '列为', '评为', '誉为', '被誉为', '堪称', '属于', '当选', '变成', '成']);
