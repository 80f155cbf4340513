// Lost spaces and folded punctuation. The page was NFKC-normalised, which turned the full-width
// Chinese punctuation ，：；（）！？ into ASCII, and a lost no-break space became `?`. This stage
// proposes the edits that restore them inside Chinese text only: never inside Latin words,
// numbers, dates, URLs or article numbers. It proposes; the transcript records.

import type { Edit } from './transcript.ts';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };
/** ASCII codes of FULL's keys. */
const FOLDED = new Uint8Array(128);
for (const k of Object.keys(FULL)) FOLDED[k.charCodeAt(0)] = 1;

/** Han characters and the CJK punctuation that stands in Chinese text. */
function isChinese(ch: string | undefined): boolean {
  return !!ch && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—·《》〈〉「」『』【】□]/u.test(ch);
}

function isAsciiWord(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9]/.test(ch);
}

/** The character before i, skipping spaces; '' at the line start. */
function before(line: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && line[k] === ' ') k--;
  return k >= 0 ? line[k]! : '';
}

function after(line: string, i: number): string {
  let k = i + 1;
  while (k < line.length && line[k] === ' ') k++;
  return k < line.length ? line[k]! : '';
}

/** Spans of URLs, e-mail addresses and DOIs: punctuation inside them is never touched. */
function protectedSpans(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /(?:https?|ftp):\/\/[\x21-\x7e]+|www\.[\x21-\x7e]+|\b10\.\d{4,}\/[\x21-\x7e]+|[\w.+-]+@[\w-]+\.[\w.]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** `?` that stood for a lost no-break space: between fields, next to a space. */
export function spaceEdits(line: string, offset: number): Edit[] {
  const edits: Edit[] = [];
  for (let i = line.indexOf('?'); i >= 0 && i < line.length; i = line.indexOf('?', i + 1)) {
    const next = line[i + 1];
    const prev = line[i - 1];
    if (next === ' ' || next === '\t' || next === '\u3000' || ((prev === ' ' || prev === '\u3000') && next !== undefined)) {
      edits.push({ start: offset + i, end: offset + i + 1, reading: ' ', kind: 'space', confidence: 0.95, note: 'a lost no-break space, shown as ? on the page' });
    }
  }
  return edits;
}

/** ASCII punctuation that NFKC folded from full-width, restored where the text is Chinese. */
export function punctuationEdits(line: string, offset: number): Edit[] {
  const edits: Edit[] = [];
  const guarded = protectedSpans(line);
  const inGuard = (i: number) => guarded.some(([a, b]) => i >= a && i < b);
  const make = (i: number, confidence: number, why: string): Edit => ({
    start: offset + i,
    end: offset + i + 1,
    reading: FULL[line[i]!]!,
    kind: 'punctuation',
    confidence,
    note: `full-width ${FULL[line[i]!]} restored (${why})`,
  });
  // Parentheses, as pairs.
  const stack: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // Only brackets matter here; reading codes keeps the scan from making a string per character.
    if (code !== 0x28 && code !== 0x29 && code !== 0xff08 && code !== 0xff09) continue;
    const ch = line[i]!;
    if (inGuard(i)) continue;
    if (ch === '(' || ch === '（') stack.push(i);
    else if ((ch === ')' || ch === '）') && stack.length > 0) {
      const open = stack.pop()!;
      if (line[open] === '（' || ch === '）') {
        // Half of the pair is full-width already (restored from a damaged run): the other follows.
        if (line[open] === '(') edits.push(make(open, 0.95, 'its closing bracket is full-width'));
        if (ch === ')') edits.push(make(i, 0.95, 'its opening bracket is full-width'));
        continue;
      }
      const content = line.slice(open + 1, i);
      const prev = before(line, open);
      const hasHan = /\p{Script=Han}/u.test(content);
      // Inside numbers (1008-2991(2021)01-095-006, 2018(08)) the parentheses stay ASCII.
      const numeric = /^[\d\s.\-–/]*$/.test(content) && (isAsciiWord(prev) || isAsciiWord(line[i + 1]));
      if (!numeric && (hasHan || isChinese(prev))) {
        const why = hasHan ? 'a Chinese parenthetical' : 'a parenthetical in Chinese text';
        edits.push(make(open, hasHan ? 0.98 : 0.9, why), make(i, hasHan ? 0.98 : 0.9, why));
      }
    }
  }
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code > 0x7f || !FOLDED[code]) continue;
    const ch = line[i]!;
    if (ch === '(' || ch === ')' || inGuard(i)) continue;
    const prev = before(line, i);
    const next = after(line, i);
    if (ch === '?' && next !== '' && !isChinese(next) && !isChinese(prev)) continue;
    if (isChinese(prev)) {
      edits.push(make(i, 0.95, 'after Chinese text'));
    } else if (isChinese(next) && !isAsciiWord(prev) && prev !== '' && !/[./:]/.test(prev)) {
      edits.push(make(i, 0.85, 'before Chinese text'));
    }
  }
  return edits;
}
