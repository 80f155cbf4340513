// A character bigram model of Chinese, used to score candidate readings of a damaged run.
// It is estimated from the word-frequency dictionary that ships with @node-rs/jieba (349 k
// words with counts): character counts, and character-pair counts inside words, weighted by the
// word's count. Pairs across word boundaries fall back to the unigram. The model reads
// simplified Chinese; traditional input is folded to simplified one character at a time first.
// It only scores text; it never changes any.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

const require = createRequire(import.meta.url);

/** Punctuation is absent from the word list; give it a fixed share of running text. */
const PUNCTUATION_P: Record<string, number> = {
  '，': 0.03, '。': 0.02, '、': 0.01, '“': 0.006, '”': 0.006, '：': 0.004, '；': 0.003,
  '（': 0.002, '）': 0.002, '《': 0.002, '》': 0.002, '？': 0.001, '！': 0.001, '—': 0.001,
  '…': 0.0005, '·': 0.0005, '‘': 0.0005, '’': 0.0005, '　': 0.0002,
};

/** Weight of the in-word pair estimate against the unigram. */
const LAMBDA = 0.6;
/** Probability floor for a character the dictionary never shows. */
const UNSEEN_P = 2e-9;

export interface CharModel {
  /** log P(ch | prev); prev '' means no context. Both in any script. */
  logP(ch: string, prev: string): number;
  /** Sum of log P over the string, starting from the context character `prev`. */
  score(text: string, prev?: string): number;
  /** The simplified form of one character (cached). */
  simplify(ch: string): string;
  /** log P(ch) alone. */
  logUnigram(ch: string): number;
}

class BigramModel implements CharModel {
  private readonly uni = new Map<string, number>();
  private readonly firstOf = new Map<string, number>();
  private readonly bi = new Map<string, number>();
  private total = 0;
  private readonly t2s: (s: string) => string;
  private readonly simplified = new Map<string, string>();
  private readonly uniCache = new Map<string, number>();

  constructor(dictText: string) {
    this.t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    let lineStart = 0;
    const n = dictText.length;
    while (lineStart < n) {
      let lineEnd = dictText.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = n;
      const sp1 = dictText.indexOf(' ', lineStart);
      if (sp1 > lineStart && sp1 < lineEnd) {
        const word = dictText.slice(lineStart, sp1);
        const sp2 = dictText.indexOf(' ', sp1 + 1);
        const freq = Number(dictText.slice(sp1 + 1, sp2 > 0 && sp2 < lineEnd ? sp2 : lineEnd));
        if (freq > 0) this.addWord(word, freq);
      }
      lineStart = lineEnd + 1;
    }
  }

  private addWord(word: string, freq: number): void {
    let prev = '';
    for (const ch of word) {
      this.uni.set(ch, (this.uni.get(ch) ?? 0) + freq);
      this.total += freq;
      if (prev) {
        const key = prev + ch;
        this.bi.set(key, (this.bi.get(key) ?? 0) + freq);
        this.firstOf.set(prev, (this.firstOf.get(prev) ?? 0) + freq);
      }
      prev = ch;
    }
  }

  simplify(ch: string): string {
    let s = this.simplified.get(ch);
    if (s === undefined) {
      s = this.t2s(ch);
      if ([...s].length !== 1) s = ch;
      this.simplified.set(ch, s);
    }
    return s;
  }

  private pUni(s: string): number {
    const punct = PUNCTUATION_P[s];
    if (punct !== undefined) return punct;
    const c = this.uni.get(s);
    return c ? (c / this.total) * 0.9 : UNSEEN_P;
  }

  logUnigram(ch: string): number {
    let v = this.uniCache.get(ch);
    if (v === undefined) {
      v = Math.log(this.pUni(this.simplify(ch)));
      this.uniCache.set(ch, v);
    }
    return v;
  }

  logP(ch: string, prev: string): number {
    const s = this.simplify(ch);
    const pu = this.pUni(s);
    if (!prev) return Math.log(pu);
    const p = this.simplify(prev);
    const first = this.firstOf.get(p);
    if (!first) return Math.log(pu);
    const pair = this.bi.get(p + s) ?? 0;
    return Math.log(LAMBDA * (pair / first) + (1 - LAMBDA) * pu);
  }

  score(text: string, prev = ''): number {
    let sum = 0;
    let last = prev;
    for (const ch of text) {
      sum += this.logP(ch, last);
      last = ch;
    }
    return sum;
  }
}

let shared: CharModel | undefined;

/** The shared model, built on first use (about a third of a second). */
export function chineseModel(): CharModel {
  if (!shared) {
    const path = require.resolve('@node-rs/jieba/dict.txt');
    shared = new BigramModel(readFileSync(path, 'utf8'));
  }
  return shared;
}

/** Weight of the page's own text against the dictionary model. */
const CACHE_WEIGHT = 0.25;

/**
 * The model adapted to one page: a cache of the page's own character pairs (read in step, tags
 * stripped) mixed into the dictionary estimate, so words and punctuation habits the page shows
 * elsewhere count for the reading of its damaged runs. A standard cache language model.
 */
export function pageModel(pageText: string, base: CharModel = chineseModel()): CharModel {
  const pairs = new Map<string, number>();
  const firsts = new Map<string, number>();
  let prev = '';
  for (const raw of pageText) {
    const ch = raw === '\n' ? '' : base.simplify(raw);
    if (prev && ch) {
      pairs.set(prev + ch, (pairs.get(prev + ch) ?? 0) + 1);
      firsts.set(prev, (firsts.get(prev) ?? 0) + 1);
    }
    prev = ch;
  }
  const logP = (ch: string, p: string): number => {
    const b = base.logP(ch, p);
    if (!p) return b;
    const sp = base.simplify(p);
    const n = firsts.get(sp);
    if (!n) return b;
    const c = (pairs.get(sp + base.simplify(ch)) ?? 0) / n;
    return Math.log((1 - CACHE_WEIGHT) * Math.exp(b) + CACHE_WEIGHT * c);
  };
  return {
    logP,
    simplify: (ch) => base.simplify(ch),
    logUnigram: (ch) => base.logUnigram(ch),
    score(text: string, prevCh = ''): number {
      let sum = 0;
      let last = prevCh;
      for (const ch of text) {
        sum += logP(ch, last);
        last = ch;
      }
      return sum;
    },
  };
}
