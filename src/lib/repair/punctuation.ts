// Lost spaces and folded punctuation. The page was NFKC-normalised, which turned the full-width
// Chinese punctuation ，：；（）！？ and the range's ～ into ASCII, and a lost no-break space
// became `?`. This stage proposes the edits that restore them in Chinese sentences, statistics and
// formulas inside them included (0.952，Bartlett), and never in English text (a mark followed by a
// space), numbers (1,286, 06:21), citations ([6,8]), dates, URLs or article numbers. It proposes;
// the transcript records.

import type { Edit } from './transcript.ts';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）', '~': '～' };
/** ASCII codes of FULL's keys. */
const FOLDED = new Uint8Array(128);
for (const k of Object.keys(FULL)) FOLDED[k.charCodeAt(0)] = 1;

/** Han characters and the CJK punctuation that stands in Chinese text. */
function isChinese(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  // The common case first, without a regular expression: the CJK blocks and full-width forms.
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) return true;
  // Not the middle dot (U+00B7): between Han characters it separates a name's parts, and Han is
  // there anyway; between letters it is a product (εx·(R/x)·Δx).
  if (c < 0x2000) return false;
  return CHINESE_RE.test(ch);
}
const CHINESE_RE = /[\p{Script=Han}“”‘’…—《》〈〉「」『』【】□\u2460-\u2473]/u;

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

/** Spans of URLs, e-mail addresses and DOIs (with their `DOI:` label): punctuation inside them is never touched. */
function protectedSpans(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // A URL stops at a comma (…annual.html,2023年10月访问): the sentence's, not the address's.
  const re = /(?:https?|ftp):\/\/[\x21-\x2b\x2d-\x7e]+|www\.[\x21-\x2b\x2d-\x7e]+|(?:\b(?:DOI|doi):\s*)?\b10\.\d{4,}\/[\x21-\x7e]+|[\w.+-]+@[\w-]+\.[\w.]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    // A closing bracket the address does not open is the text's: “登记表”(https://docs.qq.com/…)在.
    const end = m[0].endsWith(')') && !m[0].includes('(') ? m.index + m[0].length - 1 : m.index + m[0].length;
    out.push([m.index, end]);
  }
  return out;
}

/**
 * `?` that stood for a lost no-break space: between fields, next to a space, between a number's
 * thousands. A row of them next to a space is a row of no-break spaces (`&nbsp;&nbsp;&nbsp; ` before
 * an equation's number), all lost.
 */
export function spaceEdits(line: string, offset: number): Edit[] {
  const edits: Edit[] = [];
  const spaceLike = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\u3000';
  for (let i = line.indexOf('?'); i >= 0 && i < line.length; i = line.indexOf('?', i + 1)) {
    let end = i + 1;
    while (line[end] === '?') end++;
    const next = line[end];
    const prev = line[i - 1];
    const inNumber = end === i + 1 && /\d/.test(prev ?? '') && /^\d{3}(?![\d])/.test(line.slice(end)) && !/\d{4}$|\.\d+$/.test(line.slice(0, i));
    // After a space and before a letter it is a lost character instead ([□i35 ?a13]: IPA's ŋ).
    // A question ending an English sentence (equality of opportunity? The …) stays one.
    const question = end === i + 1 && /[a-z]/.test(prev ?? '') && /^ [A-Z]/.test(line.slice(end));
    const operator = end === i + 1 && lostOperator(line, i);
    if (!question && !operator && !lostLabel(line, i, end) && (inNumber || spaceLike(next) || (spaceLike(prev) && next !== undefined && !LETTER.test(next)))) {
      for (let k = i; k < end; k++) {
        edits.push({ start: offset + k, end: offset + k + 1, reading: ' ', kind: 'space', confidence: 0.95, note: 'a lost no-break space, shown as ? on the page' });
      }
    }
    i = end - 1;
  }
  return edits;
}

/**
 * Marks that belong to a number, not to the sentence: a thousands separator (1,286; not after a
 * formula's letter and digit, LiFePO4,800 ℃), an excavated object's number (M3:5, T0203④:12), a time
 * (not a transcript's speaker label, 生6：12是…)
 * (06:21, 06:21:08), a ratio of digits (1:2, 7:2:1, 531441:524288; not a year's four digits) or
 * of decimals (mAP@0.5:0.95), and the commas of a citation's bracket ([6,8], [2,5-7]). A year before a page (2017：213-230 in a
 * reference) is the sentence's.
 */
function numberMarks(line: string): Uint8Array {
  const out = new Uint8Array(line.length);
  const re = /(?<![\d.A-Za-z])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.])|(?<=[A-Z]\d+[\u2460-\u2473]?):(?=\d)|(?<![\d生师])\d{1,2}(?::\d\d)+(?!\d)|(?<![\d.生师])\d(?::\d)+(?![\d.])|(?<![\d.])\d+(?:\.\d+)?:\d+\.\d+(?![\d.])|(?<![\d.])\d+\.\d+:\d+(?![\d.])|(?<![\d.生师])(?:\d{1,3}|\d{5,})(?::\d+)+(?![\d.\-–])|\[[\d,\-–\s]+\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    for (let k = m.index; k < m.index + m[0].length; k++) if (line[k] === ',' || line[k] === ':') out[k] = 1;
  }
  return out;
}

/**
 * English-style punctuation: a mark with a space after it (`2006, 108(6): 1017`), or after the
 * closing quote it stands inside (`“… not defeated,” he said`).
 */
function englishBoundary(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  // A bracket with a space after it ends no clause: (62.4±5.1) kg，BMI in a Chinese sentence.
  if (c >= 0x80 || FOLDED[c] !== 1 || c === 0x28 || c === 0x29) return false;
  const k = /[”’"']/.test(line[i + 1] ?? '') ? i + 2 : i + 1;
  return line[k] === ' ' || line[k] === '\t';
}

/**
 * A lone `?` opening a line, one space and Chinese text after it: the label of a note GBK could
 * not hold (⑪ 参见…, ⑫ …), not a no-break space (which stands before the space it pads, between
 * fields).
 */
function lostLabel(line: string, i: number, end: number): boolean {
  return end === i + 1 && line.slice(0, i).trim() === '' && /^ [^\x00-\x7f]/.test(line.slice(end));
}

/** One `?` between spaces inside a formula: an operator GBK lacks (ΣT_out − ΣT_in), not a lost space. */
function lostOperator(line: string, i: number): boolean {
  return line[i + 1] === ' ' && line.includes('=') && /[\w)\]] $/.test(line.slice(Math.max(0, i - 2), i)) && /^ [\w(Σ∑]/.test(line.slice(i + 1));
}

/**
 * Whether the `?` at i stands for a character GBK could not hold rather than a question mark: a
 * question mark never stands right before a word or inside one, after a space, an opening bracket
 * or an operator, after a list's or a clause's mark, or next to another such character.
 */
function lostCharacter(line: string, i: number, lost: ReadonlySet<number>): boolean {
  const p = line[i - 1] ?? '';
  const n = line[i + 1] ?? '';
  if (lostLabel(line, i, i + 1) || lostOperator(line, i)) return true;
  // A character quoted alone and named by its code point or as a character (“?”（U+4D75）, “?”字).
  if (p === '“' && n === '”') return /^(?:[（(]U\+|字)/u.test(line.slice(i + 2));
  if (n === '' || /\s|[”’"']/u.test(n)) return false;
  if (lost.has(i - 1)) return true;
  if (/[\p{L}\p{N}%)\]]/u.test(p) && !isChinese(p)) return true;
  if (/[ \t]/.test(p)) return LETTER.test(n);
  if (/[[(（=+×÷/_^“‘-]/u.test(p)) return /[\p{L}\p{N}?_]/u.test(n) && !isChinese(n);
  return /[、，；：。！？,;:.]/u.test(p);
}
/** Letters of the scripts an article quotes beside Chinese: Latin, Greek, Cyrillic. */
const LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

/**
 * Whether the mark at i stands in a Chinese clause: Chinese text lies on one side or the other
 * before an English-style boundary (a mark followed by a space) or the line's end. NFKC left no
 * space after a folded full-width mark, and English text puts one there: so `0.952,Bartlett` in
 * a Chinese sentence had `，`, and `2006, 108(6)` in an English reference did not.
 */
function inChineseClause(line: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= CLAUSE_REACH; k--) {
    if (isChinese(line[k])) return true;
    if (englishBoundary(line, k)) break;
  }
  for (let k = i + 1; k < line.length && k - i <= CLAUSE_REACH; k++) {
    if (isChinese(line[k])) return true;
    if (englishBoundary(line, k)) break;
  }
  return false;
}
/** How far (in characters) a clause's Chinese text is looked for on each side of a mark. */
const CLAUSE_REACH = 40;

/**
 * Whether the mark at i ends an English quotation: a closing quote right after it, and English
 * words with spaces since the opening one (“Behold her, single in the field, / Yon solitary
 * Highland Lass!”).
 */
function englishQuoteEnd(line: string, i: number): boolean {
  const close = line[i + 1];
  if (close !== '”' && close !== '’') return false;
  const q = line.lastIndexOf(close === '”' ? '“' : '‘', i);
  if (q < 0) return false;
  const quoted = line.slice(q + 1, i);
  return / /.test(quoted) && !/\p{Script=Han}/u.test(quoted);
}

/**
 * Whether the question or exclamation mark at i ends an English sentence: three or more English
 * words since the last Chinese text (（8）*Why we should take part-time jobs?).
 */
function englishSentenceEnd(line: string, i: number): boolean {
  let k = i;
  while (k > 0 && !isChinese(line[k - 1])) k--;
  return (line.slice(k, i).match(/[A-Za-z]+(?:['-][A-Za-z]+)*/g)?.length ?? 0) >= 3 && / /.test(line.slice(k, i));
}

/**
 * Whether the `?` at i closes what a lost character opened before a word (Russian «…», which
 * GBK lacks: `в ?Поднятой целине?[J]`): no other `?` stands between them.
 */
function closesLost(line: string, i: number, lost: ReadonlySet<number>): boolean {
  for (const q of lost) if (q < i && LETTER.test(line[q + 1] ?? '') && !line.slice(q + 1, i).includes('?')) return true;
  return false;
}

/**
 * A face drawn with box-drawing strokes and symbols, and nothing a text is written in (╯▽╰,
 * ╥﹏╥); not a poem's tone pattern (○●⊙).
 */
const KAOMOJI = /^(?=.*[\u2500-\u257f\ufe4f])[^\p{L}\p{N}…]+$/u;

/** A unit of measurement of two or more characters (or %, ℃), as a quantity's symbol takes it in brackets. */
const UNIT = /^(?:[kcmμn]m[23]?|m[23]|kg|mg|min|[mμ]L|[kM]?Pa|kN|kJ|kW|Hz|dB|%|℃|元|万元|亿元)$/u;

/** An interval's two bounds (0,+∞; √2,+∞; a,b), and the interval in its brackets. */
const BOUNDS = String.raw`\s*[-+]?[\w.√π∞]+\s*,\s*[-+]?[\w.√π∞]+\s*`;
const INTERVAL = new RegExp(`[[(]${BOUNDS}[\\])]`);
/** A half-open interval: the brackets differ. */
const HALF_OPEN = new RegExp(`\\[${BOUNDS}\\)|\\(${BOUNDS}\\]`, 'gu');

/** A `?` after a one-letter variable and before a bracket that closes: x̄ in (xi-x̄), not a question. */
function variableBeforeClose(line: string, i: number): boolean {
  return /(?:^|[^A-Za-z])[A-Za-z]\?[)\]]/.test(line.slice(Math.max(0, i - 2), i + 2));
}

/** The stretch of ASCII text that ends at i (exclusive). */
function asciiBefore(line: string, i: number): string {
  let k = i;
  while (k > 0 && line.charCodeAt(k - 1) < 0x80) k--;
  return line.slice(k, i);
}
/** Operators only program code has (if (user == null) return null;): its marks are its own. */
const CODE = /==|!=|&&|\|\||->|=>|\+\+/;

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
  /** Closing brackets made full-width: a pair right after one follows it (第(1)(2)问). */
  const restoredClose = new Set<number>();
  /**
   * Pairs kept ASCII as a formula's or function's brackets, or as English text's: their commas
   * are theirs (A(1,0), X=(x_1, x_2, …, x_n)).
   */
  const asciiPairs: Array<[number, number]> = [];
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // Only brackets matter here; reading codes keeps the scan from making a string per character.
    if (code !== 0x28 && code !== 0x29 && code !== 0xff08 && code !== 0xff09) continue;
    const ch = line[i]!;
    if (inGuard(i)) continue;
    if (ch === '(' || ch === '（') stack.push(i);
    else if (ch === ')' && stack.length === 0) {
      // A closing bracket whose opening one a damaged run took (□) or that Chinese text ends.
      if (isChinese(line[i - 1])) edits.push(make(i, 0.8, 'closes Chinese text; its opening bracket is lost'));
    } else if ((ch === ')' || ch === '）') && stack.length > 0) {
      const open = stack.pop()!;
      if (line[open] === '（' || ch === '）') {
        // Half of the pair is full-width already (restored from a damaged run): the other follows.
        if (line[open] === '(') edits.push(make(open, 0.95, 'its closing bracket is full-width'));
        if (ch === ')') edits.push(make(i, 0.95, 'its opening bracket is full-width'));
        continue;
      }
      const content = line.slice(open + 1, i);
      // A folded mark after Chinese text is Chinese too (包括:(1)资金;(2)人员).
      const mark = before(line, open);
      const markAt = line.lastIndexOf(mark, open);
      const prev = /^[,;:]$/.test(mark) && isChinese(before(line, markAt)) ? FULL[mark]! : mark;
      const hasHan = /\p{Script=Han}/u.test(content);
      // Numbers and dates in brackets (1008-2991(2021)01-095-006, 2018(08), [EB/OL].(2018-04-18))
      // stay ASCII unless Chinese text or a percentage stands right before them.
      const numeric = /^[\d\s.\-–/]*$/.test(content);
      // A space after the pair or before it is English spacing, which folding never leaves:
      // (7.82±1.35) mmol/L was printed with ASCII brackets. A paragraph's indent is no spacing.
      // A space before Chinese text is the text's own (a standard's title: 评价(SQuaRE) 第10部分).
      const spaced = (/[ \t]/.test(line[i + 1] ?? '') && !isChinese(after(line, i))) || (/[ \t]/.test(line[open - 1] ?? '') && prev !== '');
      // An item's number after a clause's mark or at the paragraph's start, text right after it
      // (结果显示：(1)27.52%的…；(2)…, (3)PMF解析出…): the list's, in Chinese text.
      // After a question too (哪些类型？(2)…), and after a label and a space (证明 (1)f(x)=…); at
      // the start of a line, before an English example too ((1)*He go to school yesterday.).
      const item =
        /^\d{1,2}$/.test(content) &&
        (prev === '' || /^[,;:，；：。？！]$/.test(prev) || (/^[?!]$/.test(prev) && isChinese(before(line, markAt))) || (line[open - 1] === ' ' && isChinese(prev))) &&
        !/^\s?$/.test(line[i + 1] ?? '') &&
        (inChineseClause(line, open) || line.slice(0, open).trim() === '');
      // Test statistics (t=0.664,P=0.509; 95%CI:0.66~1.84) after a term or unit in a Chinese
      // sentence, or one statistic alone (cm(P<0.01)): a parenthetical, not a function's argument,
      // whatever stands before it.
      const statistics =
        /^\d+%\s?CI\b/.test(content) ||
        (/[A-Za-z]\s*[=<>≤≥]\s*-?\d/.test(content) && /[,;]/.test(content)) ||
        /^[A-Za-zχ]\w?\s*[=<>≤≥≠]\s*-?[\d.]+$/u.test(content);
      // English text inside: a mark with a space after it (The Old Man, 1952; T8, no. 235).
      const english = /[,;:!?] /.test(content);
      // A tuple of variables ((bi, fi), (x, y)): a formula's, whatever stands around it.
      const tuple = /^\s*[A-Za-z\u0391-\u03c9][\w']{0,2}(?:\s*,\s*[A-Za-z\u0391-\u03c9][\w']{0,2})+\s*$/.test(content);
      // Words of English glossing an abbreviation (SACR(structure-aware code retriever)及).
      const gloss = /^[A-Za-z][A-Za-z'\-]+(?: [A-Za-z][A-Za-z'\-]+)+$/.test(content);
      // A formula's content: letters (Latin, Greek, Σ) and no Chinese.
      const formulaLike = /[A-Za-z\u0391-\u03c9]/.test(content);
      // A function named in lower case (ln(PGDP), log(x), exp(β)) or by one capital (O(n log n),
      // P(A); not an abbreviation's gloss, 维生素D(VD)), or a bracket after a coefficient in a
      // formula (n=2(Zα/2+Zβ), ≥3(abc)).
      const lead = line.slice(Math.max(0, open - 12), open);
      const fn =
        (/[A-Za-z\d]/.test(content) && (/(?:^|[^A-Za-z])[a-z]{1,4}$/.test(lead) || (/(?:^|[^A-Za-z])[A-Z]$/.test(lead) && !/^[A-Z]{2,6}$/.test(content)))) ||
        (/[=+\-×*/^≤≥<>]\s*\d+(?:\.\d+)?$/.test(lead) && formulaLike);
      // An interval to infinity, (0,+∞) after 在 as after ∈: a formula's.
      const interval = INTERVAL.test(`(${content})`) && content.includes('∞');
      // A middle dot after no Chinese is a product (εx·(x/R)), not a name's separator.
      const product = line[open - 1] === '·' && !isChinese(line[open - 2]);
      const pair = (confidence: number, why: string): void => {
        edits.push(make(open, confidence, why), make(i, confidence, why));
        restoredClose.add(i);
      };
      if (line[open - 1] === '=' && /['"]/.test(content)) {
        // A search query's or a program's brackets, Chinese inside or not: SU=('数字人文'+'digital humanities').
        asciiPairs.push([open, i]);
        continue;
      } else if (KAOMOJI.test(content)) {
        // A face drawn with symbols (╮(╯▽╰)╭, (╥﹏╥)): as typed.
        asciiPairs.push([open, i]);
        continue;
      } else if (hasHan) {
        pair(0.98, 'a Chinese parenthetical');
      } else if (/^(?:[\d.]+\s*)?%$/.test(content) && inChineseClause(line, open)) {
        // n(%) of a table's counts, a share after a term (2σ(95.4%)), in a Chinese sentence: no
        // function's argument.
        pair(0.85, 'a percentage in a Chinese sentence');
      } else if (restoredClose.has(open - 1) || (line[open - 1] === '~' && restoredClose.has(open - 2))) {
        // 第(1)(2)问; a range of items, 指标(1)~(3).
        pair(0.9, 'it follows a full-width pair');
      } else if (
        (/[≠≤≥<>]/.test(content) && lead.includes('=')) ||
        (UNIT.test(content) && /\p{Script=Han}[A-Za-z]$/u.test(lead)) ||
        (/^[a-e]{1,3}$/.test(content) && /\d$/.test(lead) && (isChinese(line[i + 1]) || /^[,;]/.test(line[i + 1] ?? '')) && inChineseClause(line, open))
      ) {
        // A formula's condition (y=100-8x(0≤x≤12.5)), a quantity's unit after its symbol (弹簧长度
        // y(cm); one letter is a function's argument, 函数g(t)), a value's significance letters
        // (kg/hm2(ab)，): the Chinese sentence's parenthetical, no function's argument.
        pair(0.85, "a formula's condition, a quantity's unit or significance letters, in a Chinese sentence");
      } else if (tuple || interval) {
        asciiPairs.push([open, i]);
        continue;
      } else if (statistics && !spaced && inChineseClause(line, open)) {
        pair(0.85, 'statistics in a Chinese sentence');
      } else if (fn) {
        asciiPairs.push([open, i]);
        continue;
      } else if (gloss && !spaced && (isChinese(prev) || isChinese(line[i + 1])) && inChineseClause(line, open)) {
        pair(0.85, 'an English gloss in a Chinese sentence');
      } else if (/^[A-Z]{2,6}$/.test(content) && !spaced && inChineseClause(line, open)) {
        // An abbreviation glossing what stands before it (△ABD≌△ACD（SSS）, 网络（CNN）).
        pair(0.85, 'an abbreviation in a Chinese sentence');
      } else if (item) {
        pair(0.9, 'an item number in Chinese text');
      } else if (!spaced && english && isChinese(prev) && (isChinese(line[i + 1]) || /^\[\d/.test(line.slice(i + 1)))) {
        // English inside, Chinese on both sides: the Chinese sentence's parenthetical
        // (…则见如来”(T8, no. 235, p. 749a)一句).
        pair(0.85, 'English text in a Chinese parenthetical');
      } else if (spaced || english) {
        asciiPairs.push([open, i]); // English text: ASCII
        continue;
      } else if (
        /[A-Za-z\u0391-\u03c9/)\]=+\-×÷^*√≤≥<>∈∉⊆⊂∪∩'′∑Σ]/.test(line[open - 1] ?? '') ||
        // A formula goes on after the pair: (a+b+c)(1/a+1/b+1/c)≥9, after Chinese text too.
        (formulaLike && /[+\-*/^]/.test(content) && /^[(/^=<>≤≥+\-×*·]/.test(line[i + 1] ?? '')) ||
        product ||
        (/[A-Za-z]\d+$/.test(line.slice(Math.max(0, open - 8), open)) && !content.includes(' ')) ||
        /^[\d\s.]+±[\d\s.]+$/.test(content) ||
        (/^[a-z]$/.test(content) && /\d/.test(line[open - 1] ?? '')) ||
        (/^[A-Za-z]/.test(line[i + 1] ?? '') && /[/*^=+]/.test(content))
      ) {
        // A function's argument (f(x), σ(z), ρ(·), A(1,0), log2(f2/f1)), a formula's bracket
        // (=(x-2)2, (OC/EC)min, εx·(x/R)), a unit's (mL/(min·1.73 m²)), a subdivision of a cited
        // article (GDPR Art. 6(1)(f), §512(f)), a mean and its deviation ((63.7±9.8)岁, set as a
        // formula): ASCII, commas inside included.
        asciiPairs.push([open, i]);
        continue;
      } else if (isChinese(prev) || (prev === '%' && inChineseClause(line, open))) {
        // Numbers in brackets between Latin words keep ASCII; after Chinese text (明治四十二年(1909)6月) they are its.
        if (numeric && !isChinese(prev) && (isAsciiWord(prev) || isAsciiWord(line[i + 1]))) continue;
        pair(0.9, 'a parenthetical in Chinese text');
      } else if (!numeric && inChineseClause(line, open)) {
        // Statistics after a number in a Chinese sentence (28 416.37(df=496,p<0.001)).
        pair(0.85, 'a parenthetical in a Chinese sentence');
      } else if (numeric && inChineseClause(line, open) && ((/^(?:1[89]|20)\d\d$/.test(content) && isChinese(line[i + 1])) || (/\d/.test(prev) && /\d\.\d/.test(content) && /^[,;，；。]/.test(line[i + 1] ?? '')))) {
        // A case number's year ((2021)京01民终1234号, inside a parenthetical too), and a value's
        // share in a list of figures (29.4(21.2)；236): the Chinese text's brackets.
        pair(0.85, 'numbers in brackets in a Chinese sentence');
      }
    }
  }
  // An opening bracket whose closing one a damaged run took: （三□ of a heading （三）.
  for (const open of stack) {
    if (line[open] === '(' && !inGuard(open) && isChinese(line[open + 1])) {
      edits.push(make(open, 0.8, 'opens Chinese text; its closing bracket is lost'));
    }
  }
  // The other marks see the brackets as restored: `(M=3.08),t=9.37` after Chinese text.
  let view = line;
  if (edits.length > 0) {
    let out = '';
    let at = 0;
    for (const e of [...edits].sort((a, b) => a.start - b.start)) {
      out += line.slice(at, e.start - offset) + e.reading;
      at = e.end - offset;
    }
    view = out + line.slice(at);
  }
  // A Chinese label in square brackets ([摘要], [关键词], [文献标识码]) opening the line or a
  // field after a space: NFKC folded its ［］. One character ([德], a nationality in a reference)
  // may be either, and stays, as do a site's emoticon codes inside the text (“[允悲]”).
  for (const m of line.matchAll(/(?<=^\s*|\s)\[(?=(?:\s*\p{Script=Han}){2})[\p{Script=Han}\s]{2,12}\]/gu)) {
    for (const [at, reading] of [[m.index, '［'], [m.index + m[0].length - 1, '］']] as const) {
      edits.push({ start: offset + at, end: offset + at + 1, reading, kind: 'punctuation', confidence: 0.9, note: `full-width ${reading} restored (a Chinese label in square brackets)` });
    }
  }
  const numbers = numberMarks(line);
  /** Marks this loop made full-width. */
  const restoredAt = new Set<number>();
  const restore = (i: number, confidence: number, why: string): void => {
    edits.push(make(i, confidence, why));
    restoredAt.add(i);
  };
  /** `?` read as characters GBK could not hold. */
  const lost = new Set<number>();
  // Square brackets hold an interval or a citation (95%CI[0.078,0.134], [1,5]), and so do the
  // half-open intervals ([√2,+∞), (0,1]): their commas are theirs.
  const squarePairs = [...line.matchAll(/\[[^[\]\p{Script=Han}]*\]/gu), ...line.matchAll(HALF_OPEN)].map((m): [number, number] => [m.index, m.index + m[0].length - 1]);
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code > 0x7f || !FOLDED[code]) continue;
    const ch = line[i]!;
    if (ch === '(' || ch === ')' || inGuard(i) || numbers[i]) continue;
    if (ch === ',' && (asciiPairs.some(([a, b]) => i > a && i < b) || squarePairs.some(([a, b]) => i > a && i < b))) continue;
    // A mark restored just before this one is Chinese text's (运营??@S市: ？？).
    const prev = restoredAt.has(i - 1) ? FULL[line[i - 1]!]! : before(view, i);
    const next = after(view, i);
    if (
      ch === '?' &&
      lostCharacter(line, i, lost) &&
      (inChineseClause(view, i) || /[,;:._\p{L}\p{N}/+\-*=^]/u.test(line[i + 1] ?? '') || closesLost(line, i, lost) || variableBeforeClose(line, i) || lostOperator(line, i))
    ) {
      // χ?检验, R?=0.41, kg/m?为, 100%?MPR, [?i35], t??yn, 、?、: not a question, but a character
      // GBK could not hold (², −, IPA's ɕ ʰ ȵ), which the page could only write as ?. Nothing
      // says which it was.
      lost.add(i);
      edits.push({ start: offset + i, end: offset + i + 1, reading: '□', kind: 'lacuna', confidence: 0.7, note: 'a character the page could not hold in GBK (², ³, −…), shown as ?; not restored' });
      continue;
    }
    if (ch === '?' && next !== '' && !isChinese(next) && !isChinese(prev)) continue;
    if (/[A-Za-z]/.test(prev) && (englishQuoteEnd(line, i) || ((ch === '?' || ch === '!') && englishSentenceEnd(line, i)))) continue;
    if (/[\w)\]]/.test(prev) && CODE.test(asciiBefore(line, i))) continue;
    // A range (4~6所, 0.83~0.91, Z1~Zk) had the wave dash ～; a tilde elsewhere (~/.profile) stays.
    if (ch === '~' && !((/[\p{L}\p{N}_%°℃′″‰]/u.test(prev) || isChinese(prev)) && (/[\p{L}\p{N}_]/u.test(next) || isChinese(next)) && inChineseClause(view, i))) continue;
    if (isChinese(prev)) {
      restore(i, 0.95, 'after Chinese text');
    } else if (englishBoundary(line, i) || prev === '' || /[./:]/.test(prev)) {
      continue;
    } else if (isChinese(next)) {
      restore(i, 0.85, 'before Chinese text');
    } else if (inChineseClause(view, i)) {
      restore(i, 0.8, 'in a Chinese sentence, with no space after it');
    } else if (ch !== '?' && ch !== '!' && ch !== '~' && line.slice(i + 1).trim() === '' && !/[a-z]{2,} [a-z]{2,}/.test(line)) {
      // A display formula's line ends on the clause mark of the Chinese sentence it stands in
      // (a^2+b^2≥2ab，): English prose never ends a line on a comma.
      restore(i, 0.75, "ends a display formula's line, inside a Chinese sentence");
    }
  }
  return edits;
}
