// Layers 4b and 5 of the damage model: the page's partial NFKC (only full-width forms U+FF01–U+FF5E
// and the ideographic space U+3000 are folded; `⒉`, `。`, `“”`, `《》` survive) and the lost
// no-break spaces and other characters GBK cannot hold, which the page shows as `?`.

import { gbkBytes } from './gbk.ts';
import { isTraced, mapChars, traceClean, type Traced } from './traced.ts';

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (ch === '\u3000') return ' ';
  return ch;
}

/** Folds full-width forms to ASCII and the ideographic space to a space, and nothing else. */
export function foldWidth(input: string): string;
export function foldWidth(input: Traced): Traced;
export function foldWidth(input: string | Traced): string | Traced {
  const out = mapChars(isTraced(input) ? input : traceClean(input), foldChar);
  return isTraced(input) ? out : out.text;
}

/**
 * In clean text a double space stands for the source's no-break space followed by a space
 * (`C916  文献标志码`); this writes the first of the two as U+00A0, as the source page had it.
 */
export function markNoBreakSpaces(input: string): string;
export function markNoBreakSpaces(input: Traced): Traced;
export function markNoBreakSpaces(input: string | Traced): string | Traced {
  const t = isTraced(input) ? input : traceClean(input);
  const text = t.text.replace(/ (?= )/g, '\u00a0');
  const out: Traced = { text, from: t.from, to: t.to };
  return isTraced(input) ? out : out.text;
}

/**
 * No-break spaces are lost, and so is every other character GBK cannot hold (², ³, −, •, a
 * character beyond the BMP): the page shows `?` where each stood.
 */
export function loseSpaces(input: string): string;
export function loseSpaces(input: Traced): Traced;
export function loseSpaces(input: string | Traced): string | Traced {
  const out = mapChars(isTraced(input) ? input : traceClean(input), (ch) => (ch === '\u00a0' || !inGbk(ch) ? '?' : ch));
  return isTraced(input) ? out : out.text;
}

/** Whether GBK holds the character (ASCII, or one of its double-byte characters). */
export function inGbk(ch: string): boolean {
  return gbkBytes(ch).length === 2 || ch.charCodeAt(0) < 0x80;
}
