// Heading numbering of Chinese journal articles: read Chinese numerals and tell a heading line
// (`一、`, `（一）`, `1.`, `（1）`, `1.2`) from a paragraph. It never decides the tree; index.ts does.

import type { NumberingStyle } from './types.ts';

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `一` → 1, `十二` → 12, `二十` → 20, `一百零三` → 103; `null` when not a numeral. */
export function chineseNumeral(s: string): number | null {
  if (s === '' || !/^[零〇一二两三四五六七八九十百]+$/u.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[ch]!;
    }
  }
  return total + current;
}

export interface HeadingMatch {
  style: Exclude<NumberingStyle, 'none'>;
  /** The label as printed (`一、`, `（二）`, `1.`, `1.2`). */
  label: string;
  /** The numbers of the label: one for most styles, several for `decimal` (`1.2` → [1, 2]). */
  path: number[];
  /** What follows the label. */
  rest: string;
  /**
   * The label's number was lost in the damaged page (`（□）`, `□、`, `（）`): `style` is the shape's
   * likelier style and `path` is [0]; the parser takes style and number from the headings before it.
   */
  lost?: true;
}

const CN = '[零〇一二两三四五六七八九十百]+';
const PATTERNS: Array<{ style: HeadingMatch['style']; re: RegExp }> = [
  { style: 'cn-comma', re: new RegExp(`^(${CN})\\s*[、．.]\\s*`, 'u') },
  { style: 'cn-paren', re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?\\s*`, 'u') },
  { style: 'arabic-paren', re: /^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*/u },
  { style: 'decimal', re: /^(\d{1,2}(?:[.．]\d{1,2}){1,3})[.．]?[\s\u3000]+(?=\S)/u },
  // `2.1单一主体管治`: a decimal label set close to its heading; `1.5亿人口`, `2.3个百分点` are numbers.
  { style: 'decimal', re: /^(?!0)(\d{1,2}(?:[.．]\d{1,2}){1,3})(?=\p{Script=Han})(?![亿万千百十倍元个年月日岁分秒米克吨度人名例次项家所周天小])/u },
  { style: 'arabic-dot', re: /^(\d{1,2})\s*[.．、](?![\d.．])\s*(?=\S)/u },
  { style: 'decimal', re: /^(\d{1,2})[\s\u3000]+(?=[^\d\s])/u },
  // A bracket a damaged run took, printed □, the numeral kept (□一）, （二□).
  { style: 'cn-paren', re: new RegExp(`^(?:□\\s*(${CN})\\s*[）)]|[（(]\\s*(${CN})\\s*□)\\s*`, 'u') },
  { style: 'arabic-paren', re: /^(?:□\s*(\d{1,2})\s*[）)]|[（(]\s*(\d{1,2})\s*□)\s*/u },
];

/**
 * Labels whose number the repair could not restore and printed as □, or lost outright (（）: a
 * pair that vanished right after a lost lead byte took the numeral with it, and nothing marks it).
 */
const LOST_PATTERNS: Array<{ style: HeadingMatch['style']; re: RegExp }> = [
  { style: 'cn-comma', re: /^(□{1,2})\s*、\s*/u },
  { style: 'cn-paren', re: /^[（(]\s*(□{0,2})\s*[）)]\s*[、.．]?\s*/u },
];

/** The numbering label at the start of a line, if any. */
export function matchNumbering(line: string): HeadingMatch | null {
  for (const { style, re } of LOST_PATTERNS) {
    const m = re.exec(line);
    const rest = m ? line.slice(m[0].length) : '';
    if (m && rest.trim() !== '') return { style, label: m[0].trim(), path: [0], rest, lost: true };
  }
  for (const { style, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const raw = (m[1] ?? m[2])!;
    const path =
      style === 'cn-comma' || style === 'cn-paren'
        ? [chineseNumeral(raw)!]
        : raw.split(/[.．]/).map((n) => Number(n));
    if (path.some((n) => !Number.isFinite(n))) continue;
    const rest = line.slice(m[0].length);
    if (rest.trim() === '') continue;
    return { style, label: m[0].trim(), path, rest };
  }
  return null;
}

/** Sentence-final punctuation: a heading does not contain it (except maybe at its end). */
const SENTENCE_END = /[。！？!?]/u;
/** The longest line still read as a heading on its own. */
export const MAX_HEADING = 60;
/** The longest first sentence read as a run-in heading (`1.强化治理理念。一是…`). */
export const MAX_RUN_IN = 30;

export interface HeadingLine {
  numbering: HeadingMatch | null;
  /** The heading as printed (label included). */
  heading: string;
  /** The heading without its label (and without a final `。` of a run-in heading). */
  title: string;
  /** Text after a run-in heading, which opens the section's first paragraph. */
  runIn: string | null;
}

/**
 * Read a line as a numbered heading: short with no sentence end inside, or a run-in heading
 * whose first sentence is short (`（1）加强监管。……`), except for `一、`, which Chinese journals
 * only use for headings on their own line.
 */
export function numberedHeading(line: string): HeadingLine | null {
  const numbering = matchNumbering(line);
  if (!numbering) return null;
  const body = numbering.rest.trim();
  // A line that ends on a comma goes on in the next one: a sentence, not a heading ((2)当x>0时，).
  if (/[，、；,;]$/u.test(body)) return null;
  // An example sentence in another language ((1)*He go to school yesterday.), not a heading.
  if (!/\p{Script=Han}/u.test(body) && (body.match(/\p{L}+/gu)?.length ?? 0) >= 3) return null;
  // A heading may end in a stop or ask a question (（一）单一主体管治：政府即社会？).
  const inner = body.replace(/[。.？?]$/u, '');
  // A whole sentence with its clauses, stop and all, is an item (1.清理垫层积水、杂物，复核钢筋位置。).
  const sentence = /。$/u.test(body) && /[，；]/u.test(body);
  if (line.length <= MAX_HEADING && !SENTENCE_END.test(inner) && !sentence) {
    return { numbering, heading: line.trim(), title: body, runIn: null };
  }
  if (numbering.style === 'cn-comma' || numbering.style === 'decimal') return null;
  const stop = body.search(/[。！？]/u);
  if (stop > 0 && stop <= MAX_RUN_IN && stop < body.length - 1) {
    const headingEnd = line.length - body.length + stop + 1;
    return {
      numbering,
      heading: line.slice(0, headingEnd).trim(),
      title: body.slice(0, stop),
      runIn: body.slice(stop + 1).trim(),
    };
  }
  return null;
}

/** The longest line read as an unnumbered heading (`结语`, `引言`). */
export const MAX_UNNUMBERED = 20;

/**
 * Read a line as an unnumbered heading: short, no punctuation of a sentence or a list, not a
 * parenthesis, not a label line. The caller decides where such a line may stand.
 */
export function unnumberedHeading(line: string): HeadingLine | null {
  const s = line.trim();
  if (s === '' || s.length > MAX_UNNUMBERED) return null;
  // Sentence marks, brackets, or a formula's signs (改动率=改动小韵数÷对应小韵数×100%).
  if (/[。，,；;：:！？!?、“”"（）()\[\]［］【】《》=＝<>≤≥±×÷]/u.test(s)) return null;
  if (!/\p{Script=Han}/u.test(s)) return null;
  return { numbering: null, heading: s, title: s, runIn: null };
}

/** How deep a style nests: 一、 (1) > （一） (2) > 1. (3) > （1） (4); decimal by its parts. */
export function styleRank(m: HeadingMatch | null): number {
  if (!m) return 1;
  switch (m.style) {
    case 'cn-comma':
      return 1;
    case 'cn-paren':
      return 2;
    case 'arabic-dot':
      return 3;
    case 'arabic-paren':
      return 4;
    case 'decimal':
      return m.path.length;
  }
}
