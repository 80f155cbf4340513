// `npm run audit-conversion [-- FILE…]`: where the traditional edition of a simplified text
// differs from converting its words one by one (jieba's segmentation), prints both. An OpenCC
// phrase that runs across a word boundary shows up here (相冲|突 in 互相冲突, 和合|并 in
// 和合并抑郁症), and a trap goes into src/lib/script/corrections.tsv with its reason. Not every
// difference is a trap: 叶（xié）音 is right as a whole and wrong word by word, and 發布 / 發佈
// or 纔 are OpenCC's style. Default: the five clean articles in tests/fixtures/clean/.
// `--pairs N`: the same for the N commonest word pairs of libpinyin's corpus (the word model's
// data), most frequent first: 人|参与 (人蔘與), 年|历史 (年曆史), 更加|注重 (更加註重).
// `--restore N`: the other direction. Each of the N commonest pairs is converted one character at
// a time as the pages were (the simulator's table) and restored; where the restoration is not the
// pair, it is printed (著名|作家 once came back 着名作家, 屋檐|下 屋簷下). The corpus writes some
// particles 著 and some words in traditional forms (随著, 之後), which come back in today's forms.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { decodeWordFile } from '../src/lib/lm/word-segmenter.ts';
import { restoreSimplified, toTraditional } from '../src/lib/script/index.ts';
import { convertCharByChar } from '../src/lib/simulate/index.ts';

const args = process.argv.slice(2);
for (const mode of ['--pairs', '--restore'] as const) {
  const at = args.indexOf(mode);
  if (at < 0) continue;
  auditWordPairs(Number(args[at + 1] ?? 100000), mode === '--restore');
  process.exit(0);
}
const files = args;
if (files.length === 0) {
  for (const n of ['000', '001', '002', '003', '004']) files.push(fileURLToPath(new URL(`../tests/fixtures/clean/${n}.zh-Hans.txt`, import.meta.url)));
}
const jieba = Jieba.withDict(dict);
const around = (s: string, i: number): string => s.slice(Math.max(0, i - 4), i + 4).replace(/\n/g, '/');
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
 * pages' table and restored): each disagreement with its count.
 */
function auditWordPairs(n: number, restore: boolean): void {
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
  for (const [key, count] of pairs.slice(0, n)) {
    const a = words[Math.floor(key / 65536)];
    const b = words[key % 65536];
    if (!a || !b) continue;
    if (restore) {
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
    console.log(`${count}\t${a}|${b}\twhole ${whole}\tword by word ${apart}`);
  }
  console.log(`${shown} of the ${Math.min(n, pairs.length)} commonest pairs to read`);
}
