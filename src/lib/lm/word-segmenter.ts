// The best segmentation of a text into words under a word bigram model of running Chinese: the
// search both word models share (word-bigrams.ts: counts; word-backoff.ts: probabilities). Each
// step is a word of the model, scored by the pair it makes with the word before, or one character
// the model does not know, scored by the character model with no pair context after it. Also the
// file format both share (words as lines, pairs as varints).

import { gunzipSync, gzipSync } from 'node:zlib';
import { NumberTable } from './number-table.ts';

/** Longest word looked up, in UTF-16 units. */
export const MAX_WORD = 6;
/** States (words ending there) kept per position of a segmentation. */
const STATES = 8;

/** Per end position of a segmentation: the words that end there (ids, -1 for a lone character) and the best scores. */
interface Lattice {
  ids: Int32Array;
  scores: Float64Array;
  counts: Int32Array;
}

export abstract class WordSegmenter {
  private readonly ids = new Map<string, number>();
  /** log P(word) and P(word), by id. */
  protected logUni: Float64Array;
  protected uniP: Float64Array;
  /** Words the model has pair estimates for: ids below this. */
  readonly vocabulary: number;
  /** Words known only by their own frequency (no pairs): ids from `vocabulary` on. */
  private extra = 0;
  /** Beginnings of words (2 and 3 UTF-16 units) that lead on to longer ones: stop looking where none does. */
  private readonly prefixes = new Set<string>();
  /** Characters (UTF-16 codes) that begin a word of two or more units. */
  private readonly starts = new Uint8Array(65536);

  /** `words[id]` is the word with that id ('' for an id no text reaches), `uniP[id]` its probability. */
  protected constructor(words: readonly string[], uniP: Float64Array) {
    this.vocabulary = words.length;
    this.uniP = uniP;
    this.logUni = uniP.map(Math.log);
    words.forEach((w, id) => {
      if (w !== '' && !this.ids.has(w)) {
        this.ids.set(w, id);
        this.indexForLookup(w);
      }
    });
  }

  /** log P(word | previous word); prev < 0: no context. */
  abstract logP(id: number, prev: number): number;

  /**
   * Add words the pair estimates lack, each known only by its own frequency: `p` is its
   * probability as a word of running text. They are ids past the pair table's, never looked up in it.
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
    this.uniP = grow(this.uniP);
    let id = this.vocabulary + this.extra;
    for (const [w, p] of add) {
      this.ids.set(w, id);
      this.uniP[id] = p;
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

/** Appends n as a LEB128 varint. */
function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/**
 * A word-model file (gzipped): the magic, the words as UTF-8 lines (a line's number, from 0, is
 * its word's id), a NUL, then the pairs in ascending key order as LEB128 varints: the key's
 * difference from the previous key, and the value as stored (`stored`: a whole number).
 */
export function encodeWordFile(magic: string, lines: readonly string[], pairs: ReadonlyMap<number, number>, stored: (value: number) => number): Buffer {
  const head = Buffer.from(magic + lines.join('\n') + '\0', 'utf8');
  const bytes: number[] = [];
  let last = 0;
  for (const key of [...pairs.keys()].sort((x, y) => x - y)) {
    pushVarint(bytes, key - last);
    pushVarint(bytes, stored(pairs.get(key)!));
    last = key;
  }
  return gzipSync(Buffer.concat([head, Buffer.from(bytes)]), { level: 9 });
}

/**
 * Reads a word-model file of the given magic (`kind` names the format in errors, `source` the
 * file): its word lines, and a reader of its pair table into a table sized for it, each stored
 * value through `value` (which may also take note of the pair).
 */
export function decodeWordFile(
  gz: Buffer,
  magic: string,
  kind: string,
  source: string,
): { lines: string[]; readPairs(value: (key: number, stored: number) => number): NumberTable } {
  const buf = gunzipSync(gz);
  if (buf.toString('latin1', 0, magic.length) !== magic) throw new Error(`${source}: not a Jiaokan ${kind} file (no ${magic} header)`);
  const nul = buf.indexOf(0, magic.length);
  if (nul < 0) throw new Error(`${source}: truncated word list`);
  const lines = buf.toString('utf8', magic.length, nul).split('\n');
  const readPairs = (value: (key: number, stored: number) => number): NumberTable => {
    // Count the pairs first (every varint ends in a byte below 0x80) to size the table.
    let entries = 0;
    for (let i = nul + 1; i < buf.length; i++) if (buf[i]! < 0x80) entries++;
    const table = new NumberTable(entries / 2);
    let at = nul + 1;
    const next = (): number => {
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
    let key = 0;
    while (at < buf.length) {
      key += next();
      table.set(key, value(key, next()));
    }
    return table;
  };
  return { lines, readPairs };
}
