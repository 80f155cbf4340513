// `npm run audit-conversion [-- FILE…]`: where the traditional edition of a simplified text
// differs from converting its words one by one (jieba's segmentation), prints both. An OpenCC
// phrase that runs across a word boundary shows up here (相冲|突 in 互相冲突, 和合|并 in
// 和合并抑郁症), and a trap goes into src/lib/script/corrections.tsv with its reason. Not every
// difference is a trap: 叶（xié）音 is right as a whole and wrong word by word, and 發布 / 發佈
// or 纔 are OpenCC's style. Default: the five clean articles in tests/fixtures/clean/.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { toTraditional } from '../src/lib/script/index.ts';

const files = process.argv.slice(2);
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
