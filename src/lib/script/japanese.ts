// Finds Japanese text quoted in a Chinese article (「西洋の開化は内発的であって」, 『それから』,
// 漱石とその時代 in a reference), whose kanji are Japanese forms, neither simplified nor
// traditional Chinese: 東京 and 時代 stay as they are, and the page's 學 (from the author's
// Japanese 学) goes back to 学. Kana mark it; the kanji around kana belong to it, and in a text
// with kana, everything inside Japanese corner brackets 「」『』. It never converts anything itself.

import { t2jp } from './opencc.ts';

/** Hiragana and katakana proper (not the middle dot ・ or the long mark ー, which Chinese uses too). */
const KANA = /[\u3041-\u3096\u30a1-\u30fa]/;
/** What Japanese text is written in: kanji, kana, the iteration and long marks, the middle dot. */
const JAPANESE_CHAR = /[\p{Script=Han}\u3041-\u3096\u309d\u309e\u30a1-\u30fe\u3005]/u;

/** Whether a text holds kana, so quotes Japanese. */
export function hasKana(text: string): boolean {
  return KANA.test(text);
}

/**
 * [start, end) spans of Japanese text in `text`, in order, not overlapping. `cornerBrackets`: the
 * article quotes Japanese (it has kana somewhere), so 「」 and 『』 hold Japanese; by default,
 * whether `text` itself has kana.
 */
export function japaneseSpans(text: string, { cornerBrackets = hasKana(text) }: { cornerBrackets?: boolean } = {}): Array<[number, number]> {
  if (!cornerBrackets && !hasKana(text)) return [];
  const marks = new Uint8Array(text.length);
  // The content of 「…」 and 『…』: in an article that quotes Japanese, Japanese corner brackets
  // (mainland Chinese quotes with “” and titles with 《》), titles without kana too (『文学論』).
  const stack: number[] = [];
  for (let i = 0; cornerBrackets && i < text.length; i++) {
    const ch = text[i];
    if (ch === '「' || ch === '『') stack.push(i);
    else if ((ch === '」' || ch === '』') && stack.length > 0) {
      const open = stack.pop()!;
      marks.fill(1, open + 1, i);
    } else if (ch === '\n') stack.length = 0;
  }
  // Kanji and kana around kana (漱石とその時代, 小説である).
  for (let i = 0; i < text.length; i++) {
    if (!KANA.test(text[i]!)) continue;
    let a = i;
    while (a > 0 && JAPANESE_CHAR.test(text[a - 1]!)) a--;
    let b = i + 1;
    while (b < text.length && JAPANESE_CHAR.test(text[b]!)) b++;
    marks.fill(1, a, b);
    i = b - 1;
  }
  const out: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    if (!marks[i]) continue;
    let j = i;
    while (j < text.length && marks[j]) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

