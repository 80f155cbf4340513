// A word bigram model of running Chinese given as probabilities with back-off weights, in the way
// of an ARPA file: open-gram's model of words (the language model of the SunPinyin input method,
// trained on a large general corpus; `scripts/train-opengram.ts` writes `data/opengram-words.gz`).
// A pair the model lists has its own probability; any other pair backs off to the word's own
// probability times the weight of the word before. It is the second of the two word models the
// word score averages (the other counts libpinyin's corpus, word-bigrams.ts).

import type { NumberTable } from './number-table.ts';
import { decodeWordFile, encodeWordFile, WordSegmenter } from './word-segmenter.ts';

const MAGIC = 'JKWL1';
/** A pair's log probability is stored in hundredths of a nat. */
const PAIR_SCALE = 100;
/** Word ids are below 2^17, so a pair's key is id1 · 2^17 + id2. */
const ID_SPAN = 131072;
/** What a lookup returns for a pair the table lacks (log probabilities are never positive). */
const ABSENT = 1;

export interface BackoffWords {
  /** The words with their log probability and log back-off weight; a word's index is its id; '' is the sentence boundary. */
  words: Array<{ word: string; logP: number; logBackoff: number }>;
  /** id1 · 2^17 + id2 → log P(id2 | id1), for the pairs the model lists. */
  pairs: Map<number, number>;
}

/** The key of a pair of word ids. */
export function backoffPairKey(prev: number, id: number): number {
  return prev * ID_SPAN + id;
}

/**
 * Serialises the model (gzipped): the magic, the words as UTF-8 lines `word<TAB>−log P<TAB>−log
 * back-off`, a NUL, then the pairs in key order as varints (key delta, −log P in hundredths of a nat).
 */
export function encodeBackoffWords(m: BackoffWords): Buffer {
  if (m.words.length > ID_SPAN) throw new Error(`word-backoff: ${m.words.length} words, at most ${ID_SPAN} fit`);
  const lines = m.words.map((w) => `${w.word}\t${(-w.logP).toFixed(4)}\t${(-w.logBackoff).toFixed(4)}`);
  return encodeWordFile(MAGIC, lines, m.pairs, (logP) => Math.max(0, Math.round(-logP * PAIR_SCALE)));
}

export class BackoffWordModel extends WordSegmenter {
  private readonly logBackoff: Float64Array;
  private readonly pairs: NumberTable;

  constructor(gz: Buffer, source: string) {
    const file = decodeWordFile(gz, MAGIC, 'word back-off', source);
    const uniP = new Float64Array(file.lines.length);
    const logBackoff = new Float64Array(file.lines.length);
    const words = file.lines.map((line, id) => {
      const [word, lp, bow] = line.split('\t');
      const p = Math.exp(-Number(lp));
      if (word === undefined || bow === undefined || !(p > 0 && p <= 1) || !Number.isFinite(Number(bow))) {
        throw new Error(`${source}: bad word entry ${id + 1}: ${JSON.stringify(line.slice(0, 40))}`);
      }
      uniP[id] = p;
      logBackoff[id] = -Number(bow);
      return word;
    });
    super(words, uniP);
    this.logBackoff = logBackoff;
    this.pairs = file.readPairs((_, stored) => -stored / PAIR_SCALE);
  }

  /** log P(word | previous word): the listed pair, else the word's own probability times the previous word's back-off weight. */
  logP(id: number, prev: number): number {
    if (prev < 0 || prev >= this.vocabulary) return this.logUni[id]!;
    const listed = id < this.vocabulary ? this.pairs.lookup(backoffPairKey(prev, id), ABSENT) : ABSENT;
    return listed !== ABSENT ? listed : this.logBackoff[prev]! + this.logUni[id]!;
  }
}
