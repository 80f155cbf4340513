// Character n-gram counts of running Chinese text (what `scripts/train-lm.ts` writes to
// `data/running-text.ngrams.gz`), read into flat hash tables, and the interpolated
// absolute-discounting estimate P(c | a b) they give. The dictionary knows words; this knows how
// words follow each other in sentences (了 rarely precedes 出 as a word, 退 often does).

import { gunzipSync, gzipSync } from 'node:zlib';
import { NumberTable } from './number-table.ts';

const MAGIC = 'JKNG2';
/** The punctuation the counts hold (the trainer keeps exactly these). */
export const COUNTED_PUNCTUATION = '，。、；：？！“”‘’（）《》—…·';
/**
 * Weight, in pairs, of the corpus-wide punctuation rate in the estimate of how often punctuation
 * follows one character: a character that begins 20 pairs in the punctuated text takes half its
 * estimate from its own counts and half from the overall rate.
 */
const PUNCTUATION_PRIOR = 20;
/** Absolute discount for pairs and triples (Ney's estimate is near 0.7 for text of this size). */
const DISCOUNT = 0.75;
/** Probability of a character running text never showed. */
const UNSEEN_P = 1e-8;

export interface NgramCounts {
  /** code → count. */
  unigrams: Map<number, number>;
  /** a * 65536 + b → count. */
  bigrams: Map<number, number>;
  /** (a * 65536 + b) * 65536 + c → count (rare ones pruned). */
  trigrams: Map<number, number>;
  /**
   * From the part of the corpus that keeps its punctuation: for each character, how many pairs it
   * begins there (`context`) and how many of those end in punctuation (`punctuation`). The word
   * model's counts have no punctuation at all, so their pairs say nothing of how often a clause
   * ends after a character; these do.
   */
  punctuated: { context: Map<number, number>; punctuation: Map<number, number> };
}

const bump = (m: Map<number, number>, k: number): void => void m.set(k, (m.get(k) ?? 0) + 1);
const COUNTED_MARKS = new Set([...COUNTED_PUNCTUATION].map((c) => c.charCodeAt(0)));

/**
 * Counts one punctuated sequence (Han characters and COUNTED_PUNCTUATION only, one UTF-16 unit
 * each): its characters, pairs and triples, and for each character how many pairs it begins and
 * how many of those end in punctuation.
 */
export function countSequence(c: NgramCounts, seq: string): void {
  let a = -1;
  let b = -1;
  for (let i = 0; i < seq.length; i++) {
    const code = seq.charCodeAt(i);
    bump(c.unigrams, code);
    if (b >= 0) {
      bump(c.bigrams, b * 65536 + code);
      bump(c.punctuated.context, b);
      if (COUNTED_MARKS.has(code)) bump(c.punctuated.punctuation, b);
    }
    if (a >= 0) bump(c.trigrams, (a * 65536 + b) * 65536 + code);
    a = b;
    b = code;
  }
}

/** Drops the pairs and triples seen fewer than `minPair` and `minTriple` times; returns how many there were before. */
export function pruneCounts(c: NgramCounts, minPair: number, minTriple: number): { pairs: number; triples: number } {
  const before = { pairs: c.bigrams.size, triples: c.trigrams.size };
  for (const [k, n] of c.bigrams) if (n < minPair) c.bigrams.delete(k);
  for (const [k, n] of c.trigrams) if (n < minTriple) c.trigrams.delete(k);
  return before;
}

/** Serialises counts (little-endian, gzipped): magic, then each table as length + entries. */
export function encodeCounts(c: NgramCounts): Buffer {
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  const table = (m: Map<number, number>, keyBytes: 2 | 4 | 6): void => {
    const keys = [...m.keys()].sort((x, y) => x - y);
    const buf = Buffer.alloc(4 + keys.length * (keyBytes + 4));
    buf.writeUInt32LE(keys.length, 0);
    let at = 4;
    for (const k of keys) {
      buf.writeUIntLE(k, at, keyBytes);
      buf.writeUInt32LE(m.get(k)!, at + keyBytes);
      at += keyBytes + 4;
    }
    parts.push(buf);
  };
  table(c.unigrams, 2);
  table(c.bigrams, 4);
  table(c.trigrams, 6);
  table(c.punctuated.context, 2);
  table(c.punctuated.punctuation, 2);
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** The estimate P(c | a b) from counts of running text. Codes are simplified UTF-16 codes. */
export class RunningTextModel {
  private readonly uni = new Float64Array(65536);
  /** For each code: the count of pairs it begins, and how many different characters follow it. */
  private readonly ctx1 = new Float64Array(65536);
  private readonly distinct1 = new Float64Array(65536);
  private readonly bi: NumberTable;
  private readonly tri: NumberTable;
  /** For each pair: the count of the triples kept after it, and how many different ones. */
  private readonly ctx2: NumberTable;
  private readonly distinct2: NumberTable;
  private total = 0;
  /**
   * For each context character: what the pair estimate of a punctuation mark, and of anything
   * else, is multiplied by so that punctuation follows it as often as the punctuated text says
   * (1 where that text never saw the character).
   */
  private readonly punctuationScale = new Float64Array(65536).fill(1);
  private readonly otherScale = new Float64Array(65536).fill(1);
  private readonly isPunctuation = new Uint8Array(65536);
  private readonly marks = [...COUNTED_PUNCTUATION].map((c) => c.charCodeAt(0));
  /** For each context character: the balanced probability that punctuation follows it. */
  private readonly marksAfter = new Float64Array(65536);
  /**
   * For each pair (a * 65536 + b) with kept triples: the triple estimate's raw punctuation mass
   * after it (memo; at most one entry per such pair, some 16 bytes each).
   */
  private readonly marksAfterPair = new NumberTable(1 << 16);
  /** Characters in the corpus: how many different ones. */
  readonly vocabulary: number;

  constructor(gz: Buffer, source: string) {
    const buf = gunzipSync(gz);
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${source}: not a Jiaokan n-gram file (no ${MAGIC} header)`);
    let at = MAGIC.length;
    const read = (keyBytes: number, each: (k: number, n: number) => void): number => {
      if (at + 4 > buf.length) throw new Error(`${source}: truncated at byte ${at}`);
      const n = buf.readUInt32LE(at);
      at += 4;
      if (at + n * (keyBytes + 4) > buf.length) throw new Error(`${source}: truncated table at byte ${at}`);
      for (let i = 0; i < n; i++) {
        const key = keyBytes === 6 ? buf.readUInt32LE(at) + buf.readUInt16LE(at + 4) * 0x100000000 : keyBytes === 4 ? buf.readUInt32LE(at) : buf.readUInt16LE(at);
        each(key, buf.readUInt32LE(at + keyBytes));
        at += keyBytes + 4;
      }
      return n;
    };
    let vocabulary = 0;
    read(2, (k, n) => {
      this.uni[k] = n;
      this.total += n;
      vocabulary++;
    });
    this.vocabulary = vocabulary;
    const nBi = buf.readUInt32LE(at);
    this.bi = new NumberTable(nBi);
    read(4, (k, n) => {
      this.bi.add(k, n);
      const a = Math.floor(k / 65536);
      this.ctx1[a]! += n;
      this.distinct1[a]! += 1;
    });
    const nTri = buf.readUInt32LE(at);
    this.tri = new NumberTable(nTri);
    this.ctx2 = new NumberTable(nTri / 2);
    this.distinct2 = new NumberTable(nTri / 2);
    // Triples are written in key order, so those after one pair come together: sum them, then set.
    let head = -1;
    let sum = 0;
    let distinct = 0;
    const flush = (): void => {
      if (head < 0) return;
      this.ctx2.set(head, sum);
      this.distinct2.set(head, distinct);
    };
    read(6, (k, n) => {
      this.tri.set(k, n);
      const h = (k - (k % 65536)) / 65536;
      if (h !== head) {
        flush();
        head = h;
        sum = 0;
        distinct = 0;
      }
      sum += n;
      distinct++;
    });
    flush();
    const context = new Float64Array(65536);
    const punctuation = new Float64Array(65536);
    read(2, (k, n) => {
      context[k] = n;
    });
    read(2, (k, n) => {
      punctuation[k] = n;
    });
    this.balancePunctuation(context, punctuation);
  }

  /**
   * The counts mix a punctuated corpus with a much larger one that has no punctuation, so the
   * plain pair estimate puts punctuation after a character far too rarely (P(，| 而) near 0.5 %).
   * Split each context's estimate into punctuation and the rest, and give the punctuation the
   * share the punctuated corpus shows (smoothed towards its overall rate): the order among marks,
   * and among characters, stays the counts' own.
   */
  private balancePunctuation(context: Float64Array, punctuation: Float64Array): void {
    const marks = this.marks;
    for (const m of marks) this.isPunctuation[m] = 1;
    let allContext = 0;
    let allPunctuation = 0;
    for (let b = 0; b < 65536; b++) {
      allContext += context[b]!;
      allPunctuation += punctuation[b]!;
    }
    if (!allContext) return;
    const overall = allPunctuation / allContext;
    for (let b = 0; b < 65536; b++) {
      if (!context[b] || !this.ctx1[b]) continue;
      let estimated = 0;
      for (const m of marks) estimated += this.rawPair(m, b);
      if (estimated <= 0 || estimated >= 1) continue;
      const share = (punctuation[b]! + PUNCTUATION_PRIOR * overall) / (context[b]! + PUNCTUATION_PRIOR);
      this.punctuationScale[b] = share / estimated;
      this.marksAfter[b] = share;
      this.otherScale[b] = (1 - share) / (1 - estimated);
    }
  }

  private scaleFor(c: number, b: number): number {
    return this.isPunctuation[c] ? this.punctuationScale[b]! : this.otherScale[b]!;
  }

  /** P(c) with a floor for characters never seen. */
  unigram(c: number): number {
    const n = this.uni[c]!;
    return n ? n / (this.total + 1) : UNSEEN_P;
  }

  /** How many different pairs the counts hold. */
  get pairCount(): number {
    return this.bi.size;
  }

  /** Calls `each` with the key (b * 65536 + c) of every pair the counts hold. */
  forEachPair(each: (key: number) => void): void {
    this.bi.forEach((key) => each(key));
  }

  /** P(c | b), interpolated with P(c); b < 0: no context. `seen` false: the pair is known to be absent. */
  pair(c: number, b: number, seen = true): number {
    return b < 0 ? this.unigram(c) : this.rawPair(c, b, seen) * this.scaleFor(c, b);
  }

  /** The pair estimate of the counts as they stand, before punctuation gets its share. */
  private rawPair(c: number, b: number, seen = true): number {
    const pu = this.unigram(c);
    if (b < 0) return pu;
    const ctx = this.ctx1[b]!;
    if (!ctx) return pu;
    const n = seen ? this.bi.lookup(b * 65536 + c) : 0;
    return Math.max(n - DISCOUNT, 0) / ctx + ((DISCOUNT * this.distinct1[b]!) / ctx) * pu;
  }

  /** P(c | a b), interpolated with P(c | b); a < 0: no second context character. */
  triple(c: number, b: number, a: number): number {
    if (b < 0) return this.unigram(c);
    // Punctuation after a pair: the triples that hold it come from the small punctuated corpus
    // against pair counts of the whole, so they say too little; the balanced pair estimate speaks,
    // and the rest shares what it leaves in the proportions of the triples.
    if (this.isPunctuation[c]) return this.pair(c, b);
    if (a < 0 || this.punctuationScale[b] === 1) return this.rawTriple(c, b, a) * this.otherScale[b]!;
    const head = a * 65536 + b;
    // No triples kept after the pair: the triple estimate is the pair's, and so is its balance.
    if (!this.ctx2.lookup(head)) return this.rawPair(c, b) * this.otherScale[b]!;
    let rawMarks = this.marksAfterPair.lookup(head, Number.NaN);
    if (Number.isNaN(rawMarks)) {
      rawMarks = 0;
      for (const m of this.marks) rawMarks += this.rawTriple(m, b, a);
      this.marksAfterPair.set(head, rawMarks);
    }
    const marks = this.marksAfter[b]!;
    return (this.rawTriple(c, b, a) * (1 - marks)) / (1 - rawMarks);
  }

  private rawTriple(c: number, b: number, a: number): number {
    const pb = this.rawPair(c, b);
    if (a < 0 || b < 0) return pb;
    const head = a * 65536 + b;
    // The pair's own count stands for how often it was followed; the triples kept are pruned,
    // and what the pruned ones held goes to the pair estimate with the discount of the kept ones.
    const ctx = this.bi.lookup(head);
    if (!ctx) return pb;
    const kept = this.ctx2.lookup(head);
    if (!kept) return pb;
    const n = this.tri.lookup(head * 65536 + c);
    const backoff = (Math.max(0, ctx - kept) + DISCOUNT * this.distinct2.lookup(head)) / Math.max(ctx, kept);
    return Math.max(n - DISCOUNT, 0) / Math.max(ctx, kept) + Math.min(1, backoff) * pb;
  }
}
