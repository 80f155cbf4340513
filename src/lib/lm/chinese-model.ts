// A character model of Chinese, used to score candidate readings of a damaged run. Two sources
// are mixed. The first is the word-frequency dictionary that ships with @node-rs/jieba (349 k
// words with counts): character counts, character-pair counts inside words weighted by the
// word's count, and how often each character starts and ends a word. The next character either
// goes on the current word (the in-word pair) or, as often as the last one ends words, starts a
// new one (how often it starts words). The second is pair and triple counts of running prose
// (`data/`, see ngram-table.ts): how words follow one another. The word score averages the best
// segmentations of a text under two word models of running text, libpinyin's word-pair counts
// (word-bigrams.ts) and open-gram's back-off model (word-backoff.ts), each also knowing the words
// of jieba's dictionary it lacks by their frequency alone. `pageModel` adapts the character mixture
// to one page's own text. The model reads simplified Chinese; traditional input is folded to
// simplified one character at a time first. It only scores text; it never changes any.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { RunningTextModel } from './ngram-table.ts';
import { NumberTable } from './number-table.ts';
import { BackoffWordModel } from './word-backoff.ts';
import { WordBigramModel } from './word-bigrams.ts';
import type { WordSegmenter } from './word-segmenter.ts';

const require = createRequire(import.meta.url);

/** Punctuation is absent from the word list; give it a fixed share of running text. */
const PUNCTUATION_P: Record<string, number> = {
  '，': 0.03, '。': 0.02, '、': 0.01, '“': 0.006, '”': 0.006, '：': 0.004, '；': 0.003,
  '（': 0.002, '）': 0.002, '《': 0.002, '》': 0.002, '？': 0.001, '！': 0.001, '—': 0.001,
  '…': 0.0005, '·': 0.0005, '‘': 0.0005, '’': 0.0005, '　': 0.0002,
};

/**
 * 著 on a page is the author's 着 (the particle, thirty times as frequent in jieba's dictionary)
 * or 著 (著名, 显著): the page's one-character conversion wrote both as 著, and a converter back
 * to simplified keeps 著. The model weighs both.
 */
const ZHU = 0x8457;
const ZHE = 0x7740;

function logAdd(x: number, y: number): number {
  const m = Math.max(x, y);
  return m === -Infinity ? m : m + Math.log(Math.exp(x - m) + Math.exp(y - m));
}

/** The word model's score of a simplified text with its 著 read either way (the better one). */
function eitherZhu(text: string, score: (t: string) => number): number {
  const plain = score(text);
  return text.includes('著') ? Math.max(plain, score(text.replaceAll('著', '着'))) : plain;
}

/**
 * Codes the model reads as others. The marks NFKC folded to ASCII on the pages (，：；！？（）):
 * the model knows Chinese text with its full-width marks, so a page's `轉,應` is read as `轉，應`,
 * not as a Han character before Latin. And ○ (U+25CB), which GB2312 text writes for the numeral
 * 〇 it lacks (二○三五年): the running text knows 〇 in numbers, and never saw ○.
 */
const UNFOLD: Record<number, number> = { 0x2c: 0xff0c, 0x3a: 0xff1a, 0x3b: 0xff1b, 0x21: 0xff01, 0x3f: 0xff1f, 0x28: 0xff08, 0x29: 0xff09, 0x25cb: 0x3007 };

/** Probability floor for a character the dictionary never shows. */
const UNSEEN_P = 2e-9;
/** Every character ends a word now and then (the dictionary lists words, not running text). */
const END_FLOOR = 0.1;
/** After a word boundary: how much the next character is judged as a word start, not just by frequency. */
const START_MIX = 0.7;
/** Triples the shared model remembers at most (a table of about 32 MB). */
const TRIPLE_MEMO_CAP = 1 << 20;
/** Weight of the running-text counts against the dictionary estimate. */
const RUNNING_WEIGHT = 0.8;
/**
 * Weight of the classical counts (poems, classics) against the modern estimate. Articles quote
 * classical Chinese, which modern counts barely cover; on all ten whole-page samples 0.1 read
 * 79.3 % of runs exactly against 78.5 % without, with fewer wrong (7.9 against 8.2 %); 0.05
 * and 0.15 read 79.2 %.
 */
const CLASSICAL_WEIGHT = 0.1;

/** log of the modern estimate `p` mixed with the classical one (undefined: no classical counts). */
function withClassical(p: number, classical: number | undefined): number {
  return Math.log(classical === undefined ? p : (1 - CLASSICAL_WEIGHT) * p + CLASSICAL_WEIGHT * classical);
}
export interface CharModel {
  /** log P(ch | prev); prev '' means no context. Both in any script. */
  logP(ch: string, prev: string): number;
  /** Sum of log P over the string, starting from the context character `prev`. */
  score(text: string, prev?: string): number;
  /** The simplified form of one character (cached). */
  simplify(ch: string): string;
  /** log P(ch) alone. */
  logUnigram(ch: string): number;
  /** The simplified form of a UTF-16 code (cached). */
  code(c: number): number;
  /** log P(c | p) on UTF-16 codes; p < 0 means no context. */
  logPCode(c: number, p: number): number;
  /** log P(c | a b) on UTF-16 codes; a < 0 means only b is known. */
  logP3Code(c: number, b: number, a: number): number;
  /**
   * The best segmentation of the text into words under each word model of running text (each
   * word scored by the pair it makes with the word before; a character that is no word counts
   * by its own frequency), averaged over the models.
   */
  wordScore(text: string): number;
  /** The text folded to simplified, one character at a time. */
  simplifyText(text: string): string;
  /** For a model adapted to a page: whether the character stands in the page's text. */
  onPage?(ch: string): boolean;
  /**
   * For a model adapted to a page: whether the page writes the character's simplified form in one
   * other way and never in this one (幹 on a page that shows 干部: its conversion kept 干).
   */
  otherFormOnPage?(ch: string): boolean;
  /**
   * For a model adapted to a page: the score of a stretch of that page as if the page had not
   * shown it, its own pairs and phrases not counted as evidence for it (leave-one-out). A page
   * model must not vouch for the page's mojibake because the page holds it.
   */
  scoreLeavingOut?(text: string, prev?: string): number;
}

class BigramModel implements CharModel {
  /** Counts keyed by UTF-16 code (the dictionary is all in the Basic Multilingual Plane). */
  private readonly uni = new Float64Array(65536);
  private readonly firstOf = new Float64Array(65536);
  /** Word mass starting, and ending, with each character (a one-character word does both). */
  private readonly startOf = new Float64Array(65536);
  private readonly endOf = new Float64Array(65536);
  private wordTotal = 0;
  /** code → P(unigram), filled with logUni. */
  private readonly uniP = new Float64Array(65536);
  private readonly bi = new NumberTable(1 << 19);
  private total = 0;
  private readonly t2s: (s: string) => string;
  /** code → simplified code (0: not looked up yet). */
  private readonly simplifiedCode = new Uint16Array(65536);
  /** code → log P(unigram) of the simplified form (NaN: not computed yet). */
  private readonly logUni = new Float64Array(65536).fill(Number.NaN);
  /** log P(c | a b) on UTF-16 codes as worked out so far (the search asks for the same ones across pages). */
  private readonly tripleMemo = new NumberTable(1 << 16);

  /** `wordModels`: the word models whose segmentation scores the word score averages. */
  constructor(
    dictText: string,
    private readonly wordModels: readonly WordSegmenter[],
  ) {
    this.t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    forEachDictionaryEntry(dictText, (start, end, freq) => {
      if (freq > 0) this.addWord(dictText, start, end, freq);
    });
    for (const [ch, p] of Object.entries(PUNCTUATION_P)) this.logUni[ch.charCodeAt(0)] = Math.log(p);
  }

  /** The text folded to simplified, one character at a time. */
  simplifyText(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) out += String.fromCharCode(this.code(text.charCodeAt(i)));
    return out;
  }

  wordScore(text: string): number {
    const char = (c: number): number => this.logPCode(c, -1);
    const models = this.wordModels;
    return eitherZhu(this.simplifyText(text), (t) => {
      let sum = 0;
      for (const m of models) sum += m.score(t, char);
      return sum / models.length;
    });
  }

  private addWord(text: string, start: number, end: number, freq: number): void {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return; // astral characters: not modelled
    }
    this.startOf[text.charCodeAt(start)]! += freq;
    this.endOf[text.charCodeAt(end - 1)]! += freq;
    this.wordTotal += freq;
    let prev = -1;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      this.uni[c]! += freq;
      this.total += freq;
      if (prev >= 0) {
        const key = prev * 65536 + c;
        this.bi.add(key, freq);
        this.firstOf[prev]! += freq;
      }
      prev = c;
    }
  }

  /** The simplified code of a code (cached); a mark NFKC folded to ASCII reads as the full-width one. */
  code(c: number): number {
    let s = this.simplifiedCode[c]!;
    if (s === 0) {
      const out = this.t2s(String.fromCharCode(c));
      s = UNFOLD[c] ?? (out.length === 1 ? out.charCodeAt(0) : c);
      this.simplifiedCode[c] = s;
    }
    return s;
  }

  simplify(ch: string): string {
    return ch.length === 1 ? String.fromCharCode(this.code(ch.charCodeAt(0))) : ch;
  }

  private logUniCode(s: number): number {
    let v = this.logUni[s]!;
    if (Number.isNaN(v)) {
      const c = this.uni[s]!;
      // A character jieba's words never hold may still stand in running text (〇 in 二〇三五).
      v = Math.log(c ? (c / this.total) * 0.9 : Math.max(UNSEEN_P, (this.running?.unigram(s) ?? 0) * 0.1));
      this.logUni[s] = v;
      this.uniP[s] = Math.exp(v);
    }
    return v;
  }

  logUnigram(ch: string): number {
    return this.logUniCode(this.code(ch.charCodeAt(0)));
  }

  /** The running-text counts, mixed in with weight RUNNING_WEIGHT (absent: the dictionary alone). */
  private running: RunningTextModel | undefined;
  /** The classical counts, mixed into the whole with weight CLASSICAL_WEIGHT (absent: modern text alone). */
  private classical: RunningTextModel | undefined;
  /**
   * log P(c | p) of the mixture for every pair any source has seen, worked out once: a lookup
   * then costs one memory access instead of one per table. Pairs not in it were seen by none.
   */
  private pairLog: NumberTable | undefined;

  /**
   * Mix in the running-text counts and the classical ones, and work out the pairs they and the
   * dictionary know.
   */
  useRunningText(running: RunningTextModel, classical?: RunningTextModel): void {
    this.running = running;
    this.classical = classical;
    const table = new NumberTable(this.bi.size + running.pairCount + (classical?.pairCount ?? 0));
    const fill = (key: number): void => {
      const s = key % 65536;
      table.set(key, this.mixedLog(s, (key - s) / 65536, true));
    };
    this.bi.forEach((key) => fill(key));
    running.forEachPair((key) => fill(key));
    classical?.forEachPair((key) => fill(key));
    this.pairLog = table;
  }

  /** log P(c | p) on codes; p < 0 means no context. A page's 著 is either the author's 着 or 著. */
  logPCode(c: number, p: number): number {
    const latin = isLatin(c);
    const afterLatin = p >= 0 && isLatin(p);
    if (latin) return (afterLatin ? LATIN_STAY : LATIN_ENTER) + LATIN_EACH;
    if (afterLatin) return LATIN_LEAVE + this.logPSimplified(this.code(c), -1);
    const s = this.code(c);
    const sp = p < 0 ? -1 : this.contextCode(p);
    if (s === ZHU) return logAdd(this.logPSimplified(ZHE, sp), this.logPSimplified(ZHU, sp));
    return this.logPSimplified(s, sp);
  }

  /** The simplified code a character stands for as context: a page's 著 is most often the particle 着. */
  private contextCode(c: number): number {
    const s = this.code(c);
    return s === ZHU ? ZHE : s;
  }

  private logPSimplified(s: number, sp: number): number {
    if (sp < 0) return this.mixedLog(s, -1, false);
    if (!this.pairLog) return this.mixedLog(s, sp, true);
    const v = this.pairLog.lookup(sp * 65536 + s, Number.NaN);
    return Number.isNaN(v) ? this.mixedLog(s, sp, false) : v;
  }

  /** The mixture on simplified codes; `seen` false: neither source has the pair (no lookups). */
  private mixedLog(s: number, sp: number, seen: boolean): number {
    const d = this.dictionaryP(s, sp, seen);
    if (!this.running) return Math.log(d);
    return withClassical(RUNNING_WEIGHT * this.running.pair(s, sp, seen) + (1 - RUNNING_WEIGHT) * d, this.classical?.pair(s, sp, seen));
  }

  logP3Code(c: number, b: number, a: number): number {
    if (!this.running || a < 0 || b < 0 || isLatin(c) || isLatin(b)) return this.logPCode(c, b);
    const key = (a * 65536 + b) * 65536 + c;
    let v = this.tripleMemo.lookup(key, Number.NaN);
    if (Number.isNaN(v)) {
      const s = this.code(c);
      const sb = this.contextCode(b);
      const sa = this.contextCode(a);
      v = s === ZHU ? logAdd(this.tripleLog(ZHE, sb, sa), this.tripleLog(ZHU, sb, sa)) : this.tripleLog(s, sb, sa);
      if (this.tripleMemo.size < TRIPLE_MEMO_CAP) this.tripleMemo.set(key, v);
    }
    return v;
  }

  /** The mixture's log P(s | sa sb) on simplified codes (running text present). */
  private tripleLog(s: number, sb: number, sa: number): number {
    const p = RUNNING_WEIGHT * this.running!.triple(s, sb, sa) + (1 - RUNNING_WEIGHT) * this.dictionaryP(s, sb, true);
    return withClassical(p, this.classical?.triple(s, sb, sa));
  }

  /** P(c | p) from the dictionary alone, on simplified codes; `seen` false: the pair is not in it. */
  private dictionaryP(s: number, sp: number, seen: boolean): number {
    const lu = this.logUniCode(s);
    if (sp < 0) return Math.exp(lu);
    const count = this.uni[sp]!;
    if (!count) return Math.exp(lu);
    // Either a word goes on (the pair inside words), or one ends after p and the next begins
    // with c: P(c | p) = (1 − e) · P_in(c | p) + e · P_start(c), e = how often p ends a word.
    const e = Math.min(1, Math.max(END_FLOOR, this.endOf[sp]! / count));
    const first = this.firstOf[sp]!;
    const inWord = first && seen ? this.bi.lookup(sp * 65536 + s) / first : 0;
    const pu = this.uniP[s]! || Math.exp(lu);
    const start = this.startOf[s]! ? this.startOf[s]! / this.wordTotal : pu;
    return (1 - e) * inWord + e * (START_MIX * start + (1 - START_MIX) * pu);
  }

  logP(ch: string, prev: string): number {
    return this.logPCode(ch.charCodeAt(0), prev ? prev.charCodeAt(prev.length - 1) : -1);
  }

  score(text: string, prev = ''): number {
    let sum = 0;
    let last = prev ? prev.charCodeAt(prev.length - 1) : -1;
    let last2 = prev.length > 1 ? prev.charCodeAt(prev.length - 2) : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      sum += this.logP3Code(c, last, last2);
      last2 = last;
      last = c;
    }
    return sum;
  }
}

/**
 * Latin letters, digits and the signs of numbers and formulas (R=0.412, HbA1c, 95%, p<0.05, the
 * GBK signs ±, ×, ÷, ≤, ≥, ℃, ‰ of 平均值±标准差, 640×640, MPR≥80%, 17.8 ℃, and those of a
 * geometry proof, ∵ ∴ ∠ ⊥ ∥ △ ≌ ≈ ≠ ∞ √ π °, of ∵AB=AC，∴∠B=∠C, and the arrow of a process
 * flow, 导管→第二次清孔): the counts hold
 * almost none of them, and every one would cost what an unseen character costs. A class model
 * instead: Chinese text enters such a stretch rarely, stays in it readily, and every member is as
 * likely as the next.
 */
const LATIN = new Uint8Array(65536);
const LATIN_MEMBERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%=<>+±×÷≤≥℃‰∵∴∠⊥∥△≌≈≠∞√π°→';
for (const ch of LATIN_MEMBERS) LATIN[ch.charCodeAt(0)] = 1;
/** Every member's code is below this (△, U+25B3, is the highest); no Han character's is. */
const LATIN_BELOW = Math.max(...[...LATIN_MEMBERS].map((ch) => ch.charCodeAt(0))) + 1;
/** A member of the class; the comparison first keeps the common case (a Han character) to one test. */
function isLatin(c: number): boolean {
  return c < LATIN_BELOW && LATIN[c] === 1;
}
const LATIN_CLASS_SIZE = LATIN_MEMBERS.length;
const LATIN_EACH = -Math.log(LATIN_CLASS_SIZE);
/** Chinese text enters a Latin stretch at one character in 200 (0.001–0.02 measured the same). */
const LATIN_ENTER = Math.log(0.005);
const LATIN_STAY = Math.log(0.8);
const LATIN_LEAVE = Math.log(1 - 0.8);

let shared: CharModel | undefined;

/**
 * How much of its share of jieba's counts a word a word model lacks gets in that model: these are
 * rarer words (依从性, 公益创投, 人人有责) that libpinyin's 63,907 never name. Half measured
 * as well as a fifth or all of it: exact runs +0.6 and +1.1 points on the survey and the reading
 * notes, wrong runs −0.1 to −0.7 points on four articles of five.
 */
const DICTIONARY_WORD_SCALE = 0.5;

/**
 * Each entry of jieba's dictionary text (`word count tag` a line, without copying the line): where
 * its word stands in the text, and its count (NaN where the count is not a number).
 */
function forEachDictionaryEntry(dict: string, each: (start: number, end: number, count: number) => void): void {
  for (let start = 0; start < dict.length; ) {
    let end = dict.indexOf('\n', start);
    if (end < 0) end = dict.length;
    const sp1 = dict.indexOf(' ', start);
    if (sp1 > start && sp1 < end) {
      const sp2 = dict.indexOf(' ', sp1 + 1);
      each(start, sp1, Number(dict.slice(sp1 + 1, sp2 > 0 && sp2 < end ? sp2 : end)));
    }
    start = end + 1;
  }
}

/** jieba's words of two or more Han characters, each with its share of the dictionary's counts times `scale`. */
function dictionaryWords(dict: string, scale: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let total = 0;
  forEachDictionaryEntry(dict, (start, end, n) => {
    const count = n || 0;
    total += count;
    let han = end - start >= 2;
    for (let k = start; han && k < end; k++) {
      const c = dict.charCodeAt(k);
      han = c >= 0x3400 && c <= 0x9fff;
    }
    if (han && count > 0) out.push([dict.slice(start, end), count]);
  });
  for (const w of out) w[1] = (scale * w[1]) / total;
  return out;
}

/** The running-text counts that ship with the project (see data/README.md). */
export const RUNNING_TEXT_FILE = new URL('./data/running-text.ngrams.gz', import.meta.url);
/** The classical character counts that ship with the project (see data/README.md). */
export const CLASSICAL_FILE = new URL('./data/classical.ngrams.gz', import.meta.url);
/** The word bigram counts that ship with the project (see data/README.md). */
export const WORD_BIGRAMS_FILE = new URL('./data/word-bigrams.gz', import.meta.url);

/** open-gram's word model that ships with the project (see data/README.md). */
export const OPENGRAM_WORDS_FILE = new URL('./data/opengram-words.gz', import.meta.url);

/** The shared model, built on first use (under a second). */
export function chineseModel(): CharModel {
  if (!shared) {
    const path = require.resolve('@node-rs/jieba/dict.txt');
    const dict = readFileSync(path, 'utf8');
    const extra = dictionaryWords(dict, DICTIONARY_WORD_SCALE);
    const libpinyin = new WordBigramModel(readFileSync(WORD_BIGRAMS_FILE), WORD_BIGRAMS_FILE.pathname);
    const opengram = new BackoffWordModel(readFileSync(OPENGRAM_WORDS_FILE), OPENGRAM_WORDS_FILE.pathname);
    for (const m of [libpinyin, opengram]) m.addWords(extra);
    const model = new BigramModel(dict, [libpinyin, opengram]);
    model.useRunningText(
      new RunningTextModel(readFileSync(RUNNING_TEXT_FILE), RUNNING_TEXT_FILE.pathname),
      new RunningTextModel(readFileSync(CLASSICAL_FILE), CLASSICAL_FILE.pathname),
    );
    shared = model;
  }
  return shared;
}

/**
 * The character pairs and triples of a text on simplified codes, as a page model counts them (a
 * newline breaks the sequence): `pair(prev, c)` for each pair, `triple(a · 65536 + b, c)` for each triple.
 */
function forEachPairAndTriple(
  text: string,
  model: CharModel,
  pair: (prev: number, c: number) => void,
  triple: (head: number, c: number) => void,
): void {
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < text.length; i++) {
    const raw = text.charCodeAt(i);
    const c = raw === 10 ? -1 : model.code(raw);
    if (prev >= 0 && c >= 0) {
      pair(prev, c);
      if (prev2 >= 0) triple(prev2 * 65536 + prev, c);
    }
    prev2 = prev;
    prev = c;
  }
}

/** Weight of the page's own text against the dictionary model. */
const CACHE_WEIGHT = 0.5;
const LOG_KEEP_BASE = Math.log(1 - CACHE_WEIGHT);
/** Weight of the page's own three-character phrases. */
const TRIGRAM_WEIGHT = 0.4;

/**
 * The model adapted to one page: a cache of the page's own character pairs and three-character
 * phrases (read in step, tags stripped) mixed into the general estimate, so words and punctuation
 * habits the page shows elsewhere count for the reading of its damaged runs. A standard cache
 * language model; the word score is the general one.
 */
export function pageModel(pageText: string, base: CharModel = chineseModel()): CharModel {
  const pairs = new NumberTable(pageText.length);
  const firsts = new Float64Array(65536);
  // Three-character phrases the page repeats (an article says 单一主体管治 more than once).
  const triples = new NumberTable(pageText.length);
  const heads = new NumberTable(pageText.length);
  forEachPairAndTriple(pageText, base, (prev, c) => {
    pairs.add(prev * 65536 + c, 1);
    firsts[prev]! += 1;
  }, (head, c) => {
    heads.add(head, 1);
    triples.add(head * 65536 + c, 1);
  });
  /** Counts to take out of the page's (a stretch left out), or none. */
  type Own = { pairs: Map<number, number>; firsts: Map<number, number>; heads: Map<number, number>; triples: Map<number, number> };
  /** log P(c | a b): the base model's, mixed with the page's own pairs and three-character phrases. */
  const logP3 = (c: number, b: number, a: number, own?: Own): number => {
    if (a < 0 || b < 0) return own ? mixed(c, b, base.logPCode(c, b), own) : logPCode(c, b);
    if (own) return logP3Fresh(c, b, a, own);
    // The search asks for the same three characters again and again across a run's hypotheses.
    const key = (a * 65536 + b) * 65536 + c;
    let v = memo3.lookup(key, Number.NaN);
    if (Number.isNaN(v)) {
      v = logP3Fresh(c, b, a);
      memo3.set(key, v);
    }
    return v;
  };
  const logP3Fresh = (c: number, b: number, a: number, own?: Own): number => {
    const pb = mixed(c, b, base.logP3Code(c, b, a), own);
    const head = base.code(a) * 65536 + base.code(b);
    const n = heads.lookup(head) - (own?.heads.get(head) ?? 0);
    if (n <= 0) return pb;
    const tk = head * 65536 + base.code(c);
    const k = Math.max(0, triples.lookup(tk) - (own?.triples.get(tk) ?? 0));
    return Math.log((1 - TRIGRAM_WEIGHT) * Math.exp(pb) + (TRIGRAM_WEIGHT * k) / n);
  };
  /** The counts a stretch of text adds, as the page's were counted. */
  const ownCounts = (text: string): Own => {
    const own: Own = { pairs: new Map(), firsts: new Map(), heads: new Map(), triples: new Map() };
    const bump = (m: Map<number, number>, k: number): void => void m.set(k, (m.get(k) ?? 0) + 1);
    forEachPairAndTriple(text, base, (prev, c) => {
      bump(own.pairs, prev * 65536 + c);
      bump(own.firsts, prev);
    }, (head, c) => {
      bump(own.heads, head);
      bump(own.triples, head * 65536 + c);
    });
    return own;
  };
  const memo = new NumberTable(1 << 14);
  const memo3 = new NumberTable(1 << 14);
  const logPCode = (c: number, p: number): number => {
    if (p < 0) return base.logPCode(c, p);
    const key = p * 65536 + c;
    let v = memo.lookup(key, Number.NaN);
    if (Number.isNaN(v)) {
      v = mixed(c, p, base.logPCode(c, p));
      memo.set(key, v);
    }
    return v;
  };
  /** The base estimate b = log P(c | p…) mixed with the page's own pairs after p. */
  const mixed = (c: number, p: number, b: number, own?: Own): number => {
    if (p < 0) return b;
    const sp = base.code(p);
    const n = firsts[sp]! - (own?.firsts.get(sp) ?? 0);
    if (n <= 0) return b;
    const key = sp * 65536 + base.code(c);
    const k = pairs.lookup(key) - (own?.pairs.get(key) ?? 0);
    if (k <= 0) return b + LOG_KEEP_BASE;
    return Math.log((1 - CACHE_WEIGHT) * Math.exp(b) + (CACHE_WEIGHT * k) / n);
  };
  const chars = new Uint8Array(65536);
  for (let i = 0; i < pageText.length; i++) chars[pageText.charCodeAt(i)] = 1;
  // The one form the page writes each simplified character in, by simplified code (0: none
  // seen, -1: more than one, as a page may show where its conversion is not the only source).
  // Han characters only: CJK Extension A up to the private-use area.
  const formOf = new Int32Array(65536);
  for (let c = 0x3400; c < 0xe000; c++) {
    if (!chars[c]) continue;
    const s = base.code(c);
    formOf[s] = formOf[s] === 0 ? c : -1;
  }
  return {
    onPage: (ch) => ch.length === 1 && chars[ch.charCodeAt(0)] === 1,
    otherFormOnPage: (ch) => {
      if (ch.length !== 1) return false;
      const f = formOf[base.code(ch.charCodeAt(0))]!;
      return f > 0 && f !== ch.charCodeAt(0);
    },
    simplifyText: (t) => base.simplifyText(t),
    wordScore: (text) => base.wordScore(text),
    code: (c) => base.code(c),
    logPCode,
    logP3Code: logP3,
    logP: (ch, p) => logPCode(ch.charCodeAt(0), p ? p.charCodeAt(p.length - 1) : -1),
    simplify: (ch) => base.simplify(ch),
    logUnigram: (ch) => base.logUnigram(ch),
    score: (text, prevCh = '') => scoreWith(text, prevCh),
    scoreLeavingOut: (text, prevCh = '') => scoreWith(text, prevCh, ownCounts(prevCh.slice(-2) + text)),
  };
  function scoreWith(text: string, prevCh: string, own?: Own): number {
    let sum = 0;
    let last = prevCh ? prevCh.charCodeAt(prevCh.length - 1) : -1;
    let last2 = prevCh.length > 1 ? prevCh.charCodeAt(prevCh.length - 2) : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      sum += logP3(c, last, last2, own);
      last2 = last;
      last = c;
    }
    return sum;
  }
}
