// `npx tsx scripts/train-lm.ts [--fetch] [--libpinyin FILE] [DIR ...]` (or `npm run train-lm`):
// counts character pairs and triples of running Simplified Chinese and writes
// `src/lib/lm/data/running-text.ngrams.gz`, the running-text half of the repair's language model
// (the other half is jieba's word dictionary), and, from libpinyin's model, the word bigram counts
// `src/lib/lm/data/word-bigrams.gz` the word score segments with. See src/lib/lm/data/README.md
// for the sources and their licences.
//
// Two sources. (1) libpinyin's interpolation model (`--libpinyin FILE`, its
// `data/interpolation2.text`): counts of 51 million words and of word pairs from a large corpus;
// every word gives the pairs and triples inside it, every word pair those across the boundary.
// (2) The Chinese documentation Debian ships (DIRs of unpacked packages), for punctuation, which
// the word model does not hold. Only lines that are mostly Chinese count; each is folded to
// simplified, and every character that is not Han or Chinese punctuation breaks the sequence.
// `--fetch` downloads both (apt-get download, and libpinyin's source from Debian's archive) into
// a temporary directory. Rare triples are pruned (MIN_TRIPLE, default 3).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js';
import { COUNTED_PUNCTUATION, countSequence, encodeCounts, pruneCounts, type NgramCounts } from '../src/lib/lm/ngram-table.ts';
import { encodeWordBigrams } from '../src/lib/lm/word-bigrams.ts';
import { downloadPackages } from './debian-packages.ts';
import { filesUnder } from './files.ts';

export const PACKAGES = [
  'libreoffice-help-zh-cn',
  'debian-reference-zh-cn',
  'debian-edu-doc-zh-cn',
  'manpages-zh',
  'debian-handbook',
  'gnome-user-docs',
];
const OUT = new URL('../src/lib/lm/data/running-text.ngrams.gz', import.meta.url);
const WORDS_OUT = new URL('../src/lib/lm/data/word-bigrams.gz', import.meta.url);

/** libpinyin's source from Debian's archive, and the interpolation model in it (83 MB of text). */
const LIBPINYIN_SOURCE = 'http://deb.debian.org/debian/pool/main/libp/libpinyin/libpinyin_2.8.1.orig.tar.gz';
const LIBPINYIN_MODEL = 'libpinyin-2.8.1/data/interpolation2.text';

async function fetchLibpinyinModel(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jiaokan-libpinyin-'));
  const res = await fetch(LIBPINYIN_SOURCE);
  if (!res.ok) throw new Error(`${LIBPINYIN_SOURCE}: HTTP ${res.status}`);
  writeFileSync(join(dir, 'source.tar.gz'), Buffer.from(await res.arrayBuffer()));
  execFileSync('tar', ['xzf', 'source.tar.gz', LIBPINYIN_MODEL], { cwd: dir });
  return join(dir, LIBPINYIN_MODEL);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function plainText(raw: string): string {
  return raw
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
    )
    .replace(/^\.[A-Za-z].*$/gm, ' ') // roff requests in manual pages
    .replace(/\\f[BIRP]|\\-|\\\(..|\\&/g, '');
}

const HAN = /\p{Script=Han}/u;
const KEPT_PUNCTUATION = new Set(COUNTED_PUNCTUATION);
const ASCII_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** The line as sequences of Han characters and Chinese punctuation; anything else breaks them. */
function sequences(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  const chars = [...line];
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    // ASCII punctuation between Chinese characters was meant full-width.
    const full = ASCII_TO_FULL[ch];
    if (full && (HAN.test(chars[i - 1] ?? '') || HAN.test(chars[i + 1] ?? ''))) ch = full;
    if ((HAN.test(ch) && ch.length === 1) || KEPT_PUNCTUATION.has(ch)) cur += ch;
    else {
      if (cur.length >= 2) out.push(cur);
      cur = '';
    }
  }
  if (cur.length >= 2) out.push(cur);
  return out;
}

const args = process.argv.slice(2);
const libpinyinAt = args.indexOf('--libpinyin');
let libpinyinFile = libpinyinAt >= 0 ? args[libpinyinAt + 1] : undefined;
const dirs = args.filter((a, i) => !a.startsWith('--') && (libpinyinAt < 0 || i !== libpinyinAt + 1));
if (args.includes('--fetch')) {
  dirs.push(downloadPackages(PACKAGES, 'jiaokan-corpus-'));
  libpinyinFile ??= await fetchLibpinyinModel();
}
if (dirs.length === 0) {
  console.error('usage: npx tsx scripts/train-lm.ts [--fetch] [DIR ...]  (DIR: unpacked packages: ' + PACKAGES.join(', ') + ')');
  process.exit(2);
}

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
/** Triples and pairs rarer than this are pruned (their mass goes to the shorter estimate). */
const MIN_TRIPLE = Number(process.env.MIN_TRIPLE ?? 3);
const MIN_PAIR = Number(process.env.MIN_PAIR ?? 1);

/**
 * libpinyin's interpolation model in text form (`data/interpolation2.text` of its source): word
 * counts (`\1-gram`: `\item ID WORD count N`) and counts of word pairs (`\2-gram`:
 * `\item ID1 W1 ID2 W2 count N`) from a large corpus, read once for both files. Han words only,
 * and pairs of two Han words.
 */
interface LibpinyinCounts {
  words: Array<[word: string, n: number]>;
  pairs: Array<[a: string, b: string, n: number]>;
}

function readLibpinyinModel(path: string): LibpinyinCounts {
  const text = readFileSync(path, 'utf8');
  const hanOnly = (w: string): boolean => w.length > 0 && [...w].every((c) => c.length === 1 && HAN.test(c));
  const out: LibpinyinCounts = { words: [], pairs: [] };
  let section = '';
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    at = end + 1;
    if (line.startsWith('\\1-gram') || line.startsWith('\\2-gram')) section = line;
    if (!line.startsWith('\\item ')) continue;
    const f = line.split(' ');
    const n = Number(f[f.length - 1]);
    if (!(n > 0)) continue;
    if (section === '\\1-gram' && f.length === 5 && hanOnly(f[2]!)) out.words.push([f[2]!, n]);
    else if (section === '\\2-gram' && f.length === 7 && hanOnly(f[2]!) && hanOnly(f[4]!)) out.pairs.push([f[2]!, f[4]!, n]);
  }
  return out;
}

/**
 * Adds libpinyin's counts to the character counts: each word adds its characters, the pairs and
 * triples inside it; each word pair adds the pair and triples across its boundary. Returns the
 * word tokens read.
 */
function addLibpinyinModel(lp: LibpinyinCounts): number {
  let tokens = 0;
  const addSeq = (seq: string, n: number, from: number): void => {
    // Pairs and triples that end at or after `from` (earlier ones were counted with the word).
    for (let i = 0; i < seq.length; i++) {
      const c = seq.charCodeAt(i);
      if (from === 0) bump(counts.unigrams, c, n);
      // Across a boundary only the pair that crosses it is new; the next is inside the word.
      if (i >= 1 && i >= from && (from === 0 || i === from)) {
        bump(counts.bigrams, seq.charCodeAt(i - 1) * 65536 + c, n);
      }
      if (i >= 2 && i >= from) {
        bump(counts.trigrams, (seq.charCodeAt(i - 2) * 65536 + seq.charCodeAt(i - 1)) * 65536 + c, n);
      }
    }
  };
  for (const [w, n] of lp.words) {
    tokens += n;
    addSeq(w, n, 0);
  }
  for (const [a, b, n] of lp.pairs) {
    // Only what crosses the boundary: the last two of a and the first two of b.
    addSeq(a.slice(-2) + b.slice(0, 2), n, Math.min(a.length, 2));
  }
  return tokens;
}

/**
 * libpinyin's words and word pairs as they stand, for the word bigram model: words numbered by
 * descending count (ties in code-point order), and the pairs of two such words.
 */
function libpinyinWordBigrams(lp: LibpinyinCounts): { words: Array<{ word: string; count: number }>; pairs: Map<number, number> } {
  const counts = new Map<string, number>();
  for (const [w, n] of lp.words) counts.set(w, (counts.get(w) ?? 0) + n);
  const words = [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const id = new Map(words.map((w, i) => [w.word, i]));
  const pairs = new Map<number, number>();
  for (const [a, b, n] of lp.pairs) {
    const ia = id.get(a);
    const ib = id.get(b);
    if (ia === undefined || ib === undefined) continue;
    const key = ia * 65536 + ib;
    pairs.set(key, (pairs.get(key) ?? 0) + n);
  }
  return { words, pairs };
}

const seen = new Set<string>();
const counts: NgramCounts = {
  unigrams: new Map(),
  bigrams: new Map(),
  trigrams: new Map(),
  punctuated: { context: new Map(), punctuation: new Map() },
};
const bump = (m: Map<number, number>, k: number, n = 1): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};
let han = 0;
for (const dir of dirs) {
  for (const path of filesUnder(dir)) {
    if (!/\.(html?|xhp|page|txt|\d(\.gz)?|gz)$/i.test(path)) continue;
    // Of the multilingual packages, only the Chinese parts.
    if (/\/(help|html)\/[a-z]{2}(?:[-_][A-Za-z]+)?\//.test(path) && !/\/(help|html)\/zh[-_]/i.test(path)) continue;
    let bytes = readFileSync(path);
    if (path.endsWith('.gz')) {
      try {
        bytes = gunzipSync(bytes);
      } catch {
        continue;
      }
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD')) continue; // not UTF-8: skipped rather than guessed
    for (const raw of plainText(text).split('\n')) {
      const line = raw.trim();
      const hanCount = [...line].filter((c) => HAN.test(c)).length;
      if (hanCount < 6 || hanCount < line.length / 2 || seen.has(line)) continue;
      seen.add(line);
      han += hanCount;
      for (const seq of sequences(t2s(line))) countSequence(counts, seq);
    }
  }
}
const docsHan = han;
let words = 0;
mkdirSync(new URL('.', OUT), { recursive: true });
if (libpinyinFile) {
  const lp = readLibpinyinModel(libpinyinFile);
  words = addLibpinyinModel(lp);
  const wb = libpinyinWordBigrams(lp);
  const wordsOut = encodeWordBigrams(wb);
  writeFileSync(WORDS_OUT, wordsOut);
  console.log(`${wb.words.length} words, ${wb.pairs.size} word pairs; ${(wordsOut.length / 1e6).toFixed(2)} MB → ${WORDS_OUT.pathname}`);
}
const { triples: allTriples } = pruneCounts(counts, MIN_PAIR, MIN_TRIPLE);
const out = encodeCounts(counts);
writeFileSync(OUT, out);
console.log(
  `${seen.size} lines, ${docsHan} Han characters of documentation; ${words} word tokens of libpinyin's model; ${counts.unigrams.size} characters, ${counts.bigrams.size} pairs, ` +
    `${counts.trigrams.size} of ${allTriples} triples kept (seen ${MIN_TRIPLE} times or more); ${(out.length / 1e6).toFixed(2)} MB → ${OUT.pathname}`,
);
