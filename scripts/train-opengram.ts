// `npx tsx scripts/train-opengram.ts --fetch` (or with `--lm lm_sc.t3g --dict pydict_sc.bin
// --tslminfo PATH`): writes `src/lib/lm/data/opengram-words.gz`, the second word model of the word
// score (see src/lib/lm/data/README.md), from open-gram, the language model Debian ships for the
// SunPinyin input method (package `sunpinyin-data`, CC-BY-SA-3.0).
//
// The model is a threaded back-off trigram model of words, a binary file. Its own tool,
// `tslminfo -v` (package `sunpinyin-utils`), prints it in ARPA form with word ids: −ln P and
// −ln back-off weight per word, per pair and per triple. The words themselves are in the
// input method's dictionary `pydict_sc.bin`: its header holds the number of words (first
// `uint32`) and the offset of their texts (third), which follow one another in id order as
// NUL-terminated UTF-32 strings. This script keeps the words and the word pairs (the triples
// measured no better, see the README), numbers the words densely in the model's order and writes
// them with `encodeBackoffWords`. `--fetch` downloads both packages with `apt-get download` into a
// temporary directory and unpacks them there; nothing is installed.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { backoffPairKey, encodeBackoffWords, type BackoffWords } from '../src/lib/lm/word-backoff.ts';
import { downloadPackages } from './debian-packages.ts';

const OUT = new URL('../src/lib/lm/data/opengram-words.gz', import.meta.url);
const PACKAGES = ['sunpinyin-data', 'sunpinyin-utils'];

/** The first file of that name under dir. */
function find(dir: string, name: string): string {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return join(entry.parentPath, entry.name);
  }
  throw new Error(`${dir}: no ${name} in the unpacked packages`);
}

function fetchPackages(): { lm: string; dict: string; tslminfo: string } {
  const into = downloadPackages(PACKAGES, 'jiaokan-opengram-');
  return { lm: find(into, 'lm_sc.t3g'), dict: find(into, 'pydict_sc.bin'), tslminfo: find(into, 'tslminfo') };
}

/** The input method's words by id, from the dictionary's header and its UTF-32 texts. */
export function readLexicon(path: string): string[] {
  const buf = readFileSync(path);
  const count = buf.readUInt32LE(0);
  let at = buf.readUInt32LE(8);
  const words: string[] = [];
  while (words.length < count) {
    let word = '';
    for (;;) {
      if (at + 4 > buf.length) throw new Error(`${path}: word ${words.length} runs past the end of the file`);
      const c = buf.readUInt32LE(at);
      at += 4;
      if (c === 0) break;
      word += String.fromCodePoint(c);
    }
    words.push(word);
  }
  return words;
}

/** Reads `tslminfo -v` output: the words (dense ids in the model's order) and the pairs. */
async function readModel(tslminfo: string, lm: string, lexicon: string[]): Promise<BackoffWords> {
  const child = spawn(tslminfo, ['-v', lm], { stdio: ['ignore', 'pipe', 'inherit'] });
  const dense = new Map<number, number>();
  const model: BackoffWords = { words: [], pairs: new Map() };
  let section = '';
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('\\')) {
      section = line.slice(1, 2);
      if (section === '3') break;
      continue;
    }
    const f = line.trim().split(/\s+/);
    if (section === '1') {
      const id = Number(f[0]);
      dense.set(id, model.words.length);
      model.words.push({ word: lexicon[id] ?? '', logP: -Number(f[1]), logBackoff: -Number(f[2]) });
    } else if (section === '2') {
      const a = dense.get(Number(f[0]));
      const b = dense.get(Number(f[1]));
      if (a === undefined || b === undefined) throw new Error(`${lm}: pair of unknown words: ${line}`);
      model.pairs.set(backoffPairKey(a, b), -Number(f[2]));
    }
  }
  child.kill();
  return model;
}

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const src = args.includes('--fetch') ? fetchPackages() : { lm: opt('--lm'), dict: opt('--dict'), tslminfo: opt('--tslminfo') ?? 'tslminfo' };
if (!src.lm || !src.dict) {
  console.error('usage: npx tsx scripts/train-opengram.ts --fetch | --lm lm_sc.t3g --dict pydict_sc.bin [--tslminfo PATH]');
  process.exit(2);
}
const model = await readModel(src.tslminfo, src.lm, readLexicon(src.dict));
const out = encodeBackoffWords(model);
writeFileSync(OUT, out);
console.log(`${model.words.length} words, ${model.pairs.size} word pairs; ${(out.length / 1e6).toFixed(2)} MB → ${OUT.pathname}`);
