// `npm run audit-conversion [-- FILE…]`: where the traditional edition of a simplified text
// differs from converting its words one by one (jieba's segmentation), prints both. An OpenCC
// phrase that runs across a word boundary shows up here (相冲|突 in 互相冲突, 和合|并 in
// 和合并抑郁症), and a trap goes into src/lib/script/corrections.tsv with its reason. Not every
// difference is a trap: 叶（xié）音 is right as a whole and wrong word by word, and 發布 / 發佈
// or 纔 are OpenCC's style. Default: the five clean articles in tests/fixtures/clean/.
// `--pairs N`: the same for the N commonest word pairs of libpinyin's corpus (the word model's
// data), most frequent first: 人|参与 (人蔘與), 年|历史 (年曆史), 更加|注重 (更加註重).
// `--boundaries N`: those disagreements grouped by the two characters at the word boundary, the
// OpenCC phrase a trap crosses (生发: 学生|发展 → 學生髮展, 产生|发展 …), commonest first, so that
// one reading judges a whole family.
// `--restore N`: the other direction. Each of the N commonest pairs is converted one character at
// a time as the pages were (the simulator's table) and restored; where the restoration is not the
// pair, it is printed (著名|作家 once came back 着名作家, 屋檐|下 屋簷下). The corpus writes some
// particles 著 and some words in traditional forms (随著, 之後), which come back in today's forms.
// `--roundtrip DIR… | --roundtrip --fetch`: a check against human-written traditional text. The
// Taiwan and Hong Kong pages under DIR (unpacked documentation packages; `--fetch` downloads
// ROUNDTRIP_PACKAGES with apt-get into a temporary directory) are converted to simplified and back to zh-TW; each character the
// round trip changes is counted with its contexts, commonest first. Most are the sources' own
// variants and style (爲 / 為, 計畫 / 計劃); the rest are OpenCC phrases that cross a word
// boundary (此系|统 → 此係統, 这只|能 → 這隻能, 被复|制 → 被複制), each then looked up among
// the word pairs (`--pairs`) before it goes into corrections.tsv.

import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { decodeWordFile } from '../src/lib/lm/word-segmenter.ts';
import { restoreSimplified, toTraditional } from '../src/lib/script/index.ts';
import { convertCharByChar } from '../src/lib/simulate/index.ts';
import { downloadPackages } from './debian-packages.ts';
import { filesUnder } from './files.ts';

/** Debian's documentation written in traditional Chinese (Taiwan and Hong Kong). */
const ROUNDTRIP_PACKAGES = ['debian-reference-zh-tw', 'maint-guide-zh-tw', 'libreoffice-help-zh-tw', 'gnome-user-docs', 'debian-handbook'];

/** The text around position i, newlines shown as /. */
const around = (s: string, i: number): string => s.slice(Math.max(0, i - 4), i + 4).replace(/\n/g, '/');
const args = process.argv.slice(2);
if (args[0] === '--roundtrip') {
  auditRoundTrip(args.slice(1));
  process.exit(0);
}
for (const mode of ['--pairs', '--restore', '--boundaries'] as const) {
  const at = args.indexOf(mode);
  if (at < 0) continue;
  auditWordPairs(Number(args[at + 1] ?? 100000), mode.slice(2) as 'pairs' | 'restore' | 'boundaries');
  process.exit(0);
}
const files = args;
if (files.length === 0) {
  for (const n of ['000', '001', '002', '003', '004']) files.push(fileURLToPath(new URL(`../tests/fixtures/clean/${n}.zh-Hans.txt`, import.meta.url)));
}
const jieba = Jieba.withDict(dict);
let differences = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const whole = toTraditional(text, 'zh-Hant');
  const byWord = jieba
    .cut(text, true)
    .map((w) => toTraditional(w, 'zh-Hant'))
    .join('');
  if (whole.length !== text.length || byWord.length !== text.length) {
    console.log(`${file}: a conversion changed the text's length; not compared`);
    continue;
  }
  const seen = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (whole[i] === byWord[i] || seen.has(around(text, i))) continue;
    seen.add(around(text, i));
    differences++;
    console.log(`${file.split('/').pop()}: ${around(text, i)}  whole ${around(whole, i)}  word by word ${around(byWord, i)}`);
  }
}
console.log(`${differences} place(s) to read`);

/**
 * The commonest word pairs, each converted whole and word by word (or, `restore`, damaged by the
 * pages' table and restored): each disagreement with its count; `boundaries`: the disagreements
 * grouped by the two characters at the word boundary.
 */
function auditWordPairs(n: number, mode: 'pairs' | 'restore' | 'boundaries'): void {
  const path = fileURLToPath(new URL('../src/lib/lm/data/word-bigrams.gz', import.meta.url));
  const file = decodeWordFile(readFileSync(path), 'JKWB1', 'word-bigram', path);
  const words = file.lines.map((line) => line.split('\t')[0]!);
  const pairs: Array<[number, number]> = [];
  file.readPairs((key, count) => {
    pairs.push([key, count]);
    return count;
  });
  pairs.sort((a, b) => b[1] - a[1]);
  let shown = 0;
  const families = new Map<string, { count: number; examples: string[] }>();
  for (const [key, count] of pairs.slice(0, n)) {
    const a = words[Math.floor(key / 65536)];
    const b = words[key % 65536];
    if (!a || !b) continue;
    if (mode === 'restore') {
      const page = convertCharByChar(a + b);
      const back = restoreSimplified(page).text;
      if (back === a + b) continue;
      shown++;
      console.log(`${count}\t${a}|${b}\tpage ${page}\trestored ${back}`);
      continue;
    }
    const whole = toTraditional(a + b, 'zh-Hant');
    const apart = toTraditional(a, 'zh-Hant') + toTraditional(b, 'zh-Hant');
    if (whole === apart) continue;
    shown++;
    if (mode === 'pairs') {
      console.log(`${count}\t${a}|${b}\twhole ${whole}\tword by word ${apart}`);
      continue;
    }
    const family = families.get(a.slice(-1) + b[0]) ?? { count: 0, examples: [] };
    family.count += count;
    if (family.examples.length < 3) family.examples.push(`${a}|${b} ${whole} / ${apart}`);
    families.set(a.slice(-1) + b[0], family);
  }
  for (const [boundary, f] of [...families].sort((x, y) => y[1].count - x[1].count)) {
    console.log(`${f.count}\t${boundary}\t${f.examples.join('; ')}`);
  }
  console.log(`${shown} of the ${Math.min(n, pairs.length)} commonest pairs to read${mode === 'boundaries' ? `, in ${families.size} boundaries` : ''}`);
}

/**
 * Human-written traditional text (the Taiwan and Hong Kong pages under `dirs`) converted to
 * simplified and back: each character the round trip changes, with its count and contexts.
 */
function auditRoundTrip(args: string[]): void {
  const dirs = args.includes('--fetch') ? [downloadPackages(ROUNDTRIP_PACKAGES, 'jiaokan-roundtrip-')] : args;
  if (dirs.length === 0) throw new Error('--roundtrip needs --fetch or directories of unpacked zh-TW / zh-HK documentation');
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const han = /\p{Script=Han}/u;
  const lines = new Set<string>();
  for (const dir of dirs) {
    for (const path of filesUnder(dir)) {
      if (!/\.(html?|page|xml)$/i.test(path) || !/zh[-_](tw|hk)/i.test(path)) continue;
      for (const raw of readFileSync(path, 'utf8').replace(/<[^>]+>/g, '\n').split('\n')) {
        const line = raw.trim();
        if ([...line].filter((c) => han.test(c)).length >= 6) lines.add(line);
      }
    }
  }
  const changed = new Map<string, { n: number; contexts: string[] }>();
  for (const line of lines) {
    const back = toTraditional(toSimplified(line), 'zh-TW');
    if (back.length !== line.length) continue;
    for (let i = 0; i < line.length; i++) {
      if (back[i] === line[i]) continue;
      const key = `${line[i]} → ${back[i]}`;
      const e = changed.get(key) ?? { n: 0, contexts: [] };
      e.n++;
      if (e.contexts.length < 4) e.contexts.push(`${around(line, i)} → ${around(back, i)}`);
      changed.set(key, e);
    }
  }
  for (const [key, e] of [...changed].sort((a, b) => b[1].n - a[1].n)) console.log(`${e.n}\t${key}\t${e.contexts.join(' | ')}`);
  console.log(`${lines.size} lines of traditional text; ${changed.size} kinds of change to read`);
}
