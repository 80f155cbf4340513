// `npx tsx scripts/train-lm.ts [--fetch] [DIR ...]`: counts character pairs and triples of running
// Simplified Chinese prose and writes `src/lib/lm/data/running-text.ngrams.gz`, the running-text
// half of the repair's language model (the other half is jieba's word dictionary).
//
// The text is the Simplified Chinese documentation Debian ships (free licences, see
// src/lib/lm/data/README.md). `--fetch` downloads and unpacks those packages with apt-get into a
// temporary directory; otherwise pass directories that hold them unpacked. Only lines that are
// mostly Chinese count; each is folded to simplified script, and every character that is not Han
// or Chinese punctuation breaks the sequence. Triples seen once are pruned.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js';
import { encodeCounts, type NgramCounts } from '../src/lib/lm/ngram-table.ts';

export const PACKAGES = [
  'libreoffice-help-zh-cn',
  'debian-reference-zh-cn',
  'debian-edu-doc-zh-cn',
  'manpages-zh',
  'debian-handbook',
  'gnome-user-docs',
];
const OUT = new URL('../src/lib/lm/data/running-text.ngrams.gz', import.meta.url);

function fetchPackages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jiaokan-corpus-'));
  execFileSync('apt-get', ['download', ...PACKAGES], { cwd: dir, stdio: 'inherit' });
  for (const deb of readdirSync(dir).filter((f) => f.endsWith('.deb'))) {
    const into = join(dir, 'x', deb.split('_')[0]!);
    mkdirSync(into, { recursive: true });
    execFileSync('dpkg-deb', ['-x', join(dir, deb), into]);
  }
  return join(dir, 'x');
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false }); // a dangling link: nothing to read
    if (!st) continue;
    if (st.isDirectory()) yield* files(p);
    else if (st.isFile()) yield p;
  }
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
const KEPT_PUNCTUATION = new Set('，。、；：？！“”‘’（）《》—…·');
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
const dirs = args.filter((a) => !a.startsWith('--'));
if (args.includes('--fetch')) dirs.push(fetchPackages());
if (dirs.length === 0) {
  console.error('usage: npx tsx scripts/train-lm.ts [--fetch] [DIR ...]  (DIR: unpacked packages: ' + PACKAGES.join(', ') + ')');
  process.exit(2);
}

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const seen = new Set<string>();
const counts: NgramCounts = { unigrams: new Map(), bigrams: new Map(), trigrams: new Map() };
const bump = (m: Map<number, number>, k: number): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};
let han = 0;
for (const dir of dirs) {
  for (const path of files(dir)) {
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
      for (const seq of sequences(t2s(line))) {
        let a = -1;
        let b = -1;
        for (let i = 0; i < seq.length; i++) {
          const c = seq.charCodeAt(i);
          bump(counts.unigrams, c);
          if (b >= 0) bump(counts.bigrams, b * 65536 + c);
          if (a >= 0) bump(counts.trigrams, (a * 65536 + b) * 65536 + c);
          a = b;
          b = c;
        }
      }
    }
  }
}
const allTriples = counts.trigrams.size;
for (const [k, n] of counts.trigrams) if (n < 2) counts.trigrams.delete(k);
const out = encodeCounts(counts);
mkdirSync(new URL('.', OUT), { recursive: true });
writeFileSync(OUT, out);
console.log(
  `${seen.size} lines, ${han} Han characters; ${counts.unigrams.size} characters, ${counts.bigrams.size} pairs, ` +
    `${counts.trigrams.size} of ${allTriples} triples kept (seen twice or more); ${(out.length / 1e6).toFixed(2)} MB → ${OUT.pathname}`,
);
