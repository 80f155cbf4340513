// A word bigram model of running Chinese: libpinyin's counts of 51 million word tokens and of the
// word pairs among them (what `scripts/train-lm.ts` writes to `data/word-bigrams.gz`), and the
// best segmentation of a text under it. Where the character model sees 搜 + 居民 as well-formed, the
// word pairs know that 搜集 居民 is what writers write.

import { gunzipSync, gzipSync } from 'node:zlib';
import { NumberTable } from './number-table.ts';

const MAGIC = 'JKWB1';
/** Absolute discount of the pair counts. */
const DISCOUNT = 0.75;
/** Longest word looked up, in UTF-16 units. */
const MAX_WORD = 6;
/** States (words ending there) kept per position of a segmentation. */
const STATES = 8;

export interface WordBigramCounts {
  /** The words (Han only), each with its count; a word's index is its id. */
  words: Array<{ word: string; count: number }>;
  /** id1 * 65536 + id2 → count of the pair. */
  pairs: Map<number, number>;
}

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/**
 * Serialises the counts (gzipped): the magic, the words as UTF-8 lines `word<TAB>count`, a NUL,
 * then the pairs in key order as varints (key delta, count).
 */
export function encodeWordBigrams(c: WordBigramCounts): Buffer {
  if (c.words.length > 65536) throw new Error(`word-bigrams: ${c.words.length} words, at most 65536 fit`);
  const head = Buffer.from(MAGIC + c.words.map((w) => `${w.word}\t${w.count}`).join('\n') + '\0', 'utf8');
  const bytes: number[] = [];
  let last = 0;
  for (const key of [...c.pairs.keys()].sort((x, y) => x - y)) {
    pushVarint(bytes, key - last);
    pushVarint(bytes, c.pairs.get(key)!);
    last = key;
  }
  return gzipSync(Buffer.concat([head, Buffer.from(bytes)]), { level: 9 });
}

/** Per end position of a segmentation: the words that end there (ids, -1 for a lone character) and the best scores. */
interface Lattice {
  ids: Int32Array;
  scores: Float64Array;
  counts: Int32Array;
}

export class WordBigramModel {
  private readonly ids = new Map<string, number>();
  private logUni: Float64Array;
  private uni: Float64Array;
  /** For each word: the pair count it begins, and how many different words follow it. */
  private readonly ctx: Float64Array;
  private readonly distinct: Float64Array;
  private readonly pairs: NumberTable;
  /** Beginnings of words (2 and 3 UTF-16 units) that lead on to longer ones: stop looking where none does. */
  private readonly prefixes = new Set<string>();
  /** Characters (UTF-16 codes) that begin a word of two or more units. */
  private readonly starts = new Uint8Array(65536);
  private total = 0;
  readonly vocabulary: number;
  /** Words known only by their own frequency (no pair counts): ids from `vocabulary` on. */
  private extra = 0;

  constructor(gz: Buffer, source: string) {
    const buf = gunzipSync(gz);
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${source}: not a Jiaokan word-bigram file (no ${MAGIC} header)`);
    const nul = buf.indexOf(0, MAGIC.length);
    if (nul < 0) throw new Error(`${source}: truncated word list`);
    const lines = buf.toString('utf8', MAGIC.length, nul).split('\n');
    this.vocabulary = lines.length;
    this.uni = new Float64Array(lines.length);
    this.logUni = new Float64Array(lines.length);
    this.ctx = new Float64Array(lines.length);
    this.distinct = new Float64Array(lines.length);
    lines.forEach((line, id) => {
      const tab = line.indexOf('\t');
      const word = line.slice(0, tab);
      const count = Number(line.slice(tab + 1));
      if (tab <= 0 || !(count > 0)) throw new Error(`${source}: bad word entry ${id + 1}: ${JSON.stringify(line.slice(0, 40))}`);
      this.ids.set(word, id);
      this.uni[id] = count;
      this.total += count;
      this.indexForLookup(word);
    });
    for (let id = 0; id < lines.length; id++) this.logUni[id] = Math.log(this.uni[id]! / this.total);
    // Pairs: count them first to size the table, then read.
    let at = nul + 1;
    const readVarint = (): number => {
      let n = 0;
      let scale = 1;
      for (;;) {
        if (at >= buf.length) throw new Error(`${source}: truncated pair table at byte ${at}`);
        const b = buf[at++]!;
        n += (b & 0x7f) * scale;
        if (b < 0x80) return n;
        scale *= 0x80;
      }
    };
    let entries = 0;
    for (let i = at; i < buf.length; i++) if (buf[i]! < 0x80) entries++;
    this.pairs = new NumberTable(entries / 2);
    let key = 0;
    while (at < buf.length) {
      key += readVarint();
      const count = readVarint();
      this.pairs.set(key, count);
      const first = (key - (key % 65536)) / 65536;
      this.ctx[first]! += count;
      this.distinct[first]! += 1;
    }
  }

  /**
   * Add words the pair counts lack, each known only by its own frequency: `p` is its probability
   * as a word of running text. They are ids past the pair table's, never looked up in it.
   */
  addWords(words: Iterable<[string, number]>): void {
    const add: Array<[string, number]> = [];
    for (const [w, p] of words) if (!this.ids.has(w) && w.length <= MAX_WORD && p > 0) add.push([w, p]);
    const n = this.vocabulary + this.extra + add.length;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.logUni = grow(this.logUni);
    this.uni = grow(this.uni);
    let id = this.vocabulary + this.extra;
    for (const [w, p] of add) {
      this.ids.set(w, id);
      this.uni[id] = p * this.total;
      this.logUni[id] = Math.log(p);
      this.indexForLookup(w);
      id++;
    }
    this.extra += add.length;
  }

  /** Note a word's beginnings, so that the segmentation looks for it and stops where no word goes on. */
  private indexForLookup(word: string): void {
    for (let k = 2; k < word.length && k <= 3; k++) this.prefixes.add(word.slice(0, k));
    if (word.length >= 2) this.starts[word.charCodeAt(0)] = 1;
  }

  /** The id of a word, or undefined. */
  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** log P(word | previous word): the pair counts, discounted and interpolated with P(word). prev < 0: no context. */
  logP(id: number, prev: number): number {
    if (prev < 0 || prev >= this.vocabulary) return this.logUni[id]!;
    const c = this.ctx[prev]!;
    if (!c) return this.logUni[id]!;
    const n = id < this.vocabulary ? this.pairs.lookup(prev * 65536 + id) : 0;
    return Math.log(Math.max(n - DISCOUNT, 0) / c + ((DISCOUNT * this.distinct[prev]!) / c) * (this.uni[id]! / this.total));
  }

  /**
   * The best segmentation score of a simplified text: each step a word of the model (scored by the
   * pair it makes with the word before) or one character it does not know (scored by `char`, with
   * no pair context after it).
   */
  score(text: string, char: (code: number) => number): number {
    const n = text.length;
    const lattice = this.latticeFor(n);
    lattice.counts.fill(0, 0, n + 1);
    this.put(lattice, 0, -1, 0);
    for (let i = 0; i < n; i++) {
      const k = lattice.counts[i]!;
      if (k === 0) continue;
      const last = this.starts[text.charCodeAt(i)] ? Math.min(n, i + MAX_WORD) : i + 1;
      for (let j = i + 1; j <= last; j++) {
        const w = text.slice(i, j);
        const id = this.ids.get(w);
        if (id === undefined) {
          if (j === i + 1) {
            // A character the model does not know as a word: no pair context before or after it.
            const lp = char(text.charCodeAt(i));
            let best = -Infinity;
            for (let s = 0; s < k; s++) best = Math.max(best, lattice.scores[i * STATES + s]!);
            this.put(lattice, j, -1, best + lp);
            continue;
          }
          if (j - i <= 3 && !this.prefixes.has(w)) break;
          continue;
        }
        for (let s = 0; s < k; s++) {
          const prev = lattice.ids[i * STATES + s]!;
          this.put(lattice, j, id, lattice.scores[i * STATES + s]! + this.logP(id, prev));
        }
        if (j - i >= 2 && j - i <= 3 && j < n && !this.prefixes.has(w)) break;
      }
    }
    let best = -Infinity;
    for (let s = 0; s < lattice.counts[n]!; s++) best = Math.max(best, lattice.scores[n * STATES + s]!);
    return best;
  }

  /** The lattice buffers, reused from call to call (grown when a longer text comes). */
  private lattice: Lattice = { ids: new Int32Array(0), scores: new Float64Array(0), counts: new Int32Array(0) };
  private latticeFor(n: number): Lattice {
    if (this.lattice.counts.length < n + 1) {
      const size = Math.max(64, 2 * (n + 1));
      this.lattice = { ids: new Int32Array(size * STATES), scores: new Float64Array(size * STATES), counts: new Int32Array(size) };
    }
    return this.lattice;
  }

  /** Keep a state (word id, score) at a position: the best score per word, at most STATES words. */
  private put(l: Lattice, pos: number, id: number, s: number): void {
    const base = pos * STATES;
    const k = l.counts[pos]!;
    for (let i = 0; i < k; i++) {
      if (l.ids[base + i] === id) {
        if (s > l.scores[base + i]!) l.scores[base + i] = s;
        return;
      }
    }
    if (k < STATES) {
      l.ids[base + k] = id;
      l.scores[base + k] = s;
      l.counts[pos] = k + 1;
      return;
    }
    // Full: the worst state gives way to a better one.
    let worst = 0;
    for (let i = 1; i < STATES; i++) if (l.scores[base + i]! < l.scores[base + worst]!) worst = i;
    if (s > l.scores[base + worst]!) {
      l.ids[base + worst] = id;
      l.scores[base + worst] = s;
    }
  }
}
