// Converts a text with the author's reading glosses out of the way: in 叶（xié）音 the gloss
// splits the word 叶音, so OpenCC's phrase table never sees it and writes 葉（xié）音 (葉 "leaf")
// where the traditional text keeps 叶 (the old form of 協 in 叶音, 叶韵). The glosses are taken
// out, the text converted, and the glosses put back where they stood, untouched.

import { PINYIN_LETTERS, reads } from '../pinyin/index.ts';

/** A reading gloss after a Han character, in full-width or ASCII brackets: `叶（xié）`, `行(háng)`. */
const GLOSS = new RegExp(`(?<=(\\p{Script=Han}))[（(]([${PINYIN_LETTERS}]+)[）)]`, 'gu');

/**
 * `convert(text)`, but with every reading gloss that reads the character in front of it invisible
 * to the conversion. A conversion that changes the length of the text without its glosses (an
 * astral form) is left to see them, since the glosses could then not be put back in place.
 */
export function convertAroundGlosses(text: string, convert: (s: string) => string): string {
  const glosses: Array<{ at: number; gloss: string }> = [];
  let bare = '';
  let from = 0;
  for (const m of text.matchAll(GLOSS)) {
    if (!reads(m[1]!, m[2]!)) continue; // 款（b）项: a list label, not a gloss
    bare += text.slice(from, m.index);
    glosses.push({ at: bare.length, gloss: m[0] });
    from = m.index + m[0].length;
  }
  if (glosses.length === 0) return convert(text);
  bare += text.slice(from);
  const converted = convert(bare);
  if (converted.length !== bare.length) return convert(text);
  let out = '';
  let at = 0;
  for (const g of glosses) {
    out += converted.slice(at, g.at) + g.gloss;
    at = g.at;
  }
  return out + converted.slice(at);
}
