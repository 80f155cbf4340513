// Turns a page that was converted from simplified to traditional one character at a time (with
// Taiwan-style 著 for 着) back into the author's simplified text, one UTF-16 unit for one, so
// that every offset into the page is an offset into the result. It records only the places
// where context decided (a phrase of OpenCC's, 著 → 着), not every character it converts. It
// never removes, adds or reorders anything.

import { s2tw, t2s, taiwanOnlyForms, tsCharacterCodes, tsCharacters, type Converter } from './opencc.ts';
import { japaneseSpans } from './japanese.ts';
import { t2jp } from './opencc.ts';
import { staysZhu, ZHE, ZHE_CONTEXT, ZHU } from './zhe.ts';

export interface ScriptDecision {
  /** Where the decision stands, in the input (and, equally, in the output). */
  start: number;
  end: number;
  /** What the page has there. */
  witness: string;
  /** What the simplified text has there. */
  reading: string;
  /** Which rule decided; one of the keys of `SCRIPT_RULES`. */
  rule: ScriptRule;
}

export type ScriptRule = 'zhe' | 'phrase' | 'own' | 'japanese';

/** One line per rule, in the reader's terms (for the apparatus note). */
export const SCRIPT_RULES: Record<ScriptRule, string> = {
  zhe: '著 here is the Taiwan spelling of 着 (particle zhe, or zhuó/zháo), not zhù as in 著作',
  phrase: "OpenCC's phrase table overrides the character table in this word (e.g. 乾隆, 瞭望)",
  own: "the page writes this character's simplified form as it is, so the page's table did not make it: it is the author's own (乾德, not 干德)",
  japanese: 'Japanese quoted in the article (it has kana): its kanji keep their Japanese forms (東京, 時代, 学), not simplified Chinese ones',
};

const CLAUSE_BREAK = /([\s,.;:!?，。；：、！？]+)/;

function perCharacter(text: string): string {
  const table = tsCharacters();
  let out = '';
  for (const ch of text) {
    const m = table.get(ch);
    out += m !== undefined && m.length === ch.length ? m : ch;
  }
  return out;
}

function sameBreaks(a: string, b: string): boolean {
  for (let i = a.indexOf('\n'); i >= 0; i = a.indexOf('\n', i + 1)) if (b[i] !== '\n') return false;
  return true;
}

/**
 * `convert(text)` with exactly text.length units, unit for unit: the whole text if the converter
 * kept the length (and the line breaks), else line by line, then clause by clause, and a piece
 * whose length still changes is converted one character at a time by the character table
 * (a character whose counterpart has another length is kept as it is).
 */
export function convertSameLength(text: string, convert: Converter): string {
  const whole = convert(text);
  if (whole.length === text.length && sameBreaks(text, whole)) return whole;
  return text
    .split('\n')
    .map((line) => {
      const c = convert(line);
      if (c.length === line.length) return c;
      return line
        .split(CLAUSE_BREAK)
        .map((piece) => {
          const p = convert(piece);
          return p.length === piece.length ? p : perCharacter(piece);
        })
        .join('');
    })
    .join('\n');
}

/**
 * The one-character default for a unit OpenCC's table does not hold: a Taiwan form it does not
 * know (簷 → 檐, 暱 → 昵, 睪 → 睾), else the unit itself. 著 is decided in context (zhe.ts).
 */
function taiwanDefault(c: number): number {
  return c === ZHU_CODE ? c : (taiwanOnlyForms().get(c) ?? c);
}
const ZHU_CODE = ZHU.charCodeAt(0);

/**
 * `converted` (OpenCC's t2s of `page`, unit for unit) with the Taiwan forms t2s left as they
 * were put back to the author's characters: the page's one-character table is Taiwan-style (著,
 * 為), and OpenCC's standard-traditional tables do not know some of its forms.
 */
function withSimplifiedForms(converted: string, page: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < converted.length; i++) {
    const c = converted.charCodeAt(i);
    if (c !== page.charCodeAt(i)) continue;
    const d = taiwanDefault(c);
    if (d === c) continue;
    out += converted.slice(from, i) + String.fromCharCode(d);
    from = i + 1;
  }
  return from === 0 ? converted : out + converted.slice(from);
}

export interface RestoreOptions {
  /**
   * Read 著 as the Taiwan spelling of 着 where it is not zhù (default true, as on the damaged
   * pages). Turn off for text whose 著 already means zhù (OpenCC-standard or Hong Kong text).
   */
  zhe?: boolean;
  /**
   * Whether the page's one-character table keeps `simplified` as it is, so that `traditional`,
   * which OpenCC would simplify to it, is not its conversion but a character the author wrote (乾
   * on a page that shows 干部 is the 乾 of 乾德, not 干). Such a character is kept. Absent:
   * nothing is known of the table, and OpenCC's reading stands.
   */
  keepsAsIs?: (simplified: string, traditional: string) => boolean;
  /** The article quotes Japanese (it has kana somewhere): what 「」 and 『』 hold is Japanese. */
  quotesJapanese?: boolean;
}

/** code → 1: a one-character table writes the character as itself; 2: it does not; 0: not looked up. */
const writesItself = new Uint8Array(65536);

/**
 * The positions where `converted` simplifies a page character whose simplified form the page's
 * table keeps as it is, and that a one-character table writes as itself: the author's own characters.
 */
function authorsOwn(page: string, converted: string, keepsAsIs: (simplified: string, traditional: string) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < page.length; i++) {
    const c = page.charCodeAt(i);
    const o = converted.charCodeAt(i);
    if (c === o || c < 0x3400 || (c >= 0xd800 && c <= 0xdfff) || !keepsAsIs(converted[i]!, page[i]!)) continue;
    let w = writesItself[c]!;
    if (w === 0) writesItself[c] = w = s2tw()(page[i]!) === page[i] ? 1 : 2;
    if (w === 1) out.push(i);
  }
  return out;
}

/**
 * The author's simplified text of a page (pinyin tags already removed), with the same length,
 * and the context decisions made on the way (in page order).
 */
export function restoreSimplified(
  pageText: string,
  options: RestoreOptions = {},
): { text: string; decisions: ScriptDecision[] } {
  let converted = withSimplifiedForms(convertSameLength(pageText, t2s()), pageText);
  const own = options.keepsAsIs ? authorsOwn(pageText, converted, options.keepsAsIs) : [];
  if (own.length > 0) {
    const chars = converted.split('');
    for (const i of own) chars[i] = pageText[i]!;
    converted = chars.join('');
  }
  const ownAt = new Set(own);
  // Japanese text keeps its own forms: OpenCC's traditional → Japanese, where the length holds.
  const japanese = new Uint8Array(pageText.length);
  for (const [a, b] of japaneseSpans(pageText, { cornerBrackets: options.quotesJapanese })) {
    const forms = t2jp()(pageText.slice(a, b));
    if (forms.length !== b - a) continue;
    converted = converted.slice(0, a) + forms + converted.slice(b);
    japanese.fill(1, a, b);
  }
  const decisions: ScriptDecision[] = [];
  const table = tsCharacters();

  // 著: Taiwan usage writes 着 as 著, so each 著 is decided in context.
  // Each is decided on a short stretch around it in which the earlier decisions are applied.
  const zheAt: number[] = [];
  const parts: string[] = [];
  let at = 0;
  const firstZhu = options.zhe === false ? -1 : converted.indexOf(ZHU);
  for (let p = firstZhu; p >= 0; p = converted.indexOf(ZHU, p + 1)) {
    if (japanese[p]) continue;
    const from = Math.max(0, p - ZHE_CONTEXT);
    let local = converted.slice(from, p + ZHE_CONTEXT + 1);
    for (let k = zheAt.length - 1; k >= 0 && zheAt[k]! >= from; k--) {
      const q = zheAt[k]! - from;
      local = local.slice(0, q) + ZHE + local.slice(q + 1);
    }
    if (!staysZhu(local, p - from)) {
      parts.push(converted.slice(at, p), ZHE);
      at = p + 1;
      zheAt.push(p);
    }
  }
  parts.push(converted.slice(at));
  const text = parts.join('');

  // Everything else that differs from the one-character default came from OpenCC's phrases.
  let run: { start: number; end: number; rule: ScriptRule } | null = null;
  const flush = () => {
    if (!run) return;
    decisions.push({
      start: run.start,
      end: run.end,
      witness: pageText.slice(run.start, run.end),
      reading: text.slice(run.start, run.end),
      rule: run.rule,
    });
    run = null;
  };
  const codes = tsCharacterCodes();
  const zhu = ZHU.charCodeAt(0);
  const zhe = ZHE.charCodeAt(0);
  for (let i = 0; i < pageText.length; ) {
    const c = pageText.charCodeAt(i);
    let n = 1;
    let differs: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < pageText.length) {
      // outside the BMP (rare): through the map
      n = 2;
      const ch = pageText.slice(i, i + 2);
      const m = table.get(ch);
      const plain = m !== undefined && m.length === 2 ? m : ch;
      differs = text.slice(i, i + 2) !== plain;
    } else {
      const o = text.charCodeAt(i);
      if (ownAt.has(i)) {
        flush();
        decisions.push({ start: i, end: i + 1, witness: pageText[i]!, reading: pageText[i]!, rule: 'own' });
        i++;
        continue;
      }
      if (c === zhu && o === zhe) {
        flush();
        decisions.push({ start: i, end: i + 1, witness: ZHU, reading: ZHE, rule: 'zhe' });
        i++;
        continue;
      }
      const m = codes[c]!;
      // 0: not in the table; 1: its counterpart is not one unit, so the default keeps it
      differs = o !== (m <= 1 ? taiwanDefault(c) : m);
    }
    if (differs) {
      const rule: ScriptRule = japanese[i] ? 'japanese' : 'phrase';
      if (run && run.end === i && run.rule === rule) run.end = i + n;
      else {
        flush();
        run = { start: i, end: i + n, rule };
      }
    } else flush();
    i += n;
  }
  flush();
  return { text, decisions };
}
