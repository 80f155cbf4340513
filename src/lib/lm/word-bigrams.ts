// A word bigram model of running Chinese from counts: libpinyin's counts of 51 million word tokens
// and of the word pairs among them (what `scripts/train-lm.ts` writes to `data/word-bigrams.gz`),
// discounted and interpolated with the words' own frequencies. Where the character model sees
// 搜 + 居民 as well-formed, the word pairs know that 搜集 居民 is what writers write.

import type { NumberTable } from './number-table.ts';
import { decodeWordFile, encodeWordFile, WordSegmenter } from './word-segmenter.ts';

const MAGIC = 'JKWB1';
/** Absolute discount of the pair counts. */
const DISCOUNT = 0.75;

export interface WordBigramCounts {
  /** The words (Han only), each with its count; a word's index is its id. */
  words: Array<{ word: string; count: number }>;
  /** id1 * 65536 + id2 → count of the pair. */
  pairs: Map<number, number>;
}

/**
 * Serialises the counts (gzipped): the magic, the words as UTF-8 lines `word<TAB>count`, a NUL,
 * then the pairs in key order as varints (key delta, count).
 */
export function encodeWordBigrams(c: WordBigramCounts): Buffer {
  if (c.words.length > 65536) throw new Error(`word-bigrams: ${c.words.length} words, at most 65536 fit`);
  return encodeWordFile(MAGIC, c.words.map((w) => `${w.word}\t${w.count}`), c.pairs, (n) => n);
}

export class WordBigramModel extends WordSegmenter {
  /** For each word: the pair count it begins, and how many different words follow it. */
  private readonly ctx: Float64Array;
  private readonly distinct: Float64Array;
  private readonly pairs: NumberTable;

  constructor(gz: Buffer, source: string) {
    const file = decodeWordFile(gz, MAGIC, 'word-bigram', source);
    const counts = new Float64Array(file.lines.length);
    const words = file.lines.map((line, id) => {
      const tab = line.indexOf('\t');
      const count = Number(line.slice(tab + 1));
      if (tab <= 0 || !(count > 0)) throw new Error(`${source}: bad word entry ${id + 1}: ${JSON.stringify(line.slice(0, 40))}`);
      counts[id] = count;
      return line.slice(0, tab);
    });
    let total = 0;
    for (const n of counts) total += n;
    super(words, counts.map((n) => n / total));
    const ctx = new Float64Array(words.length);
    const distinct = new Float64Array(words.length);
    this.pairs = file.readPairs((key, count) => {
      const first = (key - (key % 65536)) / 65536;
      ctx[first]! += count;
      distinct[first]! += 1;
      return count;
    });
    this.ctx = ctx;
    this.distinct = distinct;
  }

  /** log P(word | previous word): the pair counts, discounted and interpolated with P(word). prev < 0: no context. */
  logP(id: number, prev: number): number {
    if (prev < 0 || prev >= this.vocabulary) return this.logUni[id]!;
    const c = this.ctx[prev]!;
    if (!c) return this.logUni[id]!;
    const n = id < this.vocabulary ? this.pairs.lookup(prev * 65536 + id) : 0;
    return Math.log(Math.max(n - DISCOUNT, 0) / c + ((DISCOUNT * this.distinct[prev]!) / c) * this.uniP[id]!);
  }
}
