// Front- and back-matter lines of a Chinese journal article (摘要, 关键词, 中图分类号, 文献标志码,
// 文章编号, 基金项目, 责任编辑…) and the rule that decodes a 文章编号. It reads labelled lines
// only; it never reads body paragraphs and never fills a value the line does not give.

import type { RelatedTitle } from './types.ts';

/** `摘要：…`, `[摘要]…`, `内容提要：…` → the abstract text. */
export function abstractLine(line: string): string | null {
  const m = /^[[【［]?\s*(?:内容)?(?:摘\s*要|提\s*要)\s*(?:[\]】］]\s*[：:]?|[：:]|[\s\u3000]+)\s*/u.exec(line);
  return m ? line.slice(m[0].length).trim() : null;
}

/** `关键词：a；b；c` → [a, b, c]. */
export function keywordLine(line: string): string[] | null {
  const m = /^[[【［]?\s*关\s*键\s*[词字]\s*(?:[\]】］]\s*[：:]?|[：:]|[\s\u3000]+)\s*/u.exec(line);
  if (!m) return null;
  return splitKeywords(line.slice(m[0].length));
}

function splitKeywords(s: string): string[] {
  const body = s.trim().replace(/[。.]$/u, '');
  let parts = body.split(/[；;，,、]/u);
  if (parts.length === 1) parts = body.split(/[\s\u3000]+/u);
  return parts.map((k) => k.trim()).filter((k) => k !== '');
}

/** `Abstract: …` → the English abstract. */
export function englishAbstractLine(line: string): string | null {
  const m = /^(?:[[【［]\s*abstract\s*[\]】］]\s*[:：]?|abstract\s*[:：])\s*/iu.exec(line);
  return m && line.length > m[0].length ? line.slice(m[0].length).trim() : null;
}

/** `Key words: a; b` → [a, b]. */
export function englishKeywordLine(line: string): string[] | null {
  const m = /^(?:[[【［]\s*key\s*-?\s*words?\s*[\]】］]\s*[:：]?|key\s*-?\s*words?\s*[:：])\s*/iu.exec(line);
  if (!m) return null;
  return line
    .slice(m[0].length)
    .replace(/\.$/, '')
    .split(/[;；,，]/u)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

export interface CatalogueLine {
  clc?: string;
  documentCode?: string;
  articleNumber?: string;
  doi?: string;
  issn?: string;
}

/** After a label: an optional closing bracket, then a colon (optional after a bracket). */
const AFTER = String.raw`\s*(?:[\]】］]\s*[：:]?|[：:])\s*`;
/** Where the next label (or the end of the line) begins. */
const NEXT = String.raw`(?=\s*(?:[[【［]\s*)?(?:中\s*图|文\s*献|文\s*章|DOI|doi|ISSN)|\s*$)`;

const CATALOGUE_LABELS: Array<[keyof CatalogueLine, RegExp]> = [
  ['clc', new RegExp(String.raw`中\s*图\s*分\s*类\s*号${AFTER}([A-Z][A-Z0-9.\-+/:=（）()；;，, ]*?)${NEXT}`, 'u')],
  ['documentCode', new RegExp(String.raw`文\s*献\s*标\s*[志识]\s*码${AFTER}([A-Z])(?![A-Za-z])`, 'u')],
  ['articleNumber', new RegExp(String.raw`文\s*章\s*编\s*号${AFTER}([0-9Xx\-()（）.\s]+?)${NEXT}`, 'u')],
  ['doi', new RegExp(String.raw`DOI${AFTER}(10\.\d{4,9}\/\S+)`, 'iu')],
  ['issn', /ISSN\s*[：:]?\s*(\d{4}\s*-\s*\d{3}[\dXx])/u],
];

/** A line carrying 中图分类号 / 文献标志码 / 文章编号 / DOI / ISSN; `null` when it carries none. */
export function catalogueLine(line: string): CatalogueLine | null {
  if (!/^(?:[[【［]\s*)?(?:中\s*图\s*分\s*类\s*号|文\s*献\s*标\s*[志识]\s*码|文\s*章\s*编\s*号|DOI|ISSN)/iu.test(line.trim())) {
    return null;
  }
  const out: CatalogueLine = {};
  for (const [key, re] of CATALOGUE_LABELS) {
    const m = re.exec(line);
    if (m) out[key] = m[1]!.trim().replace(/[。.；;，,]$/u, '');
  }
  return Object.keys(out).length > 0 ? out : null;
}

export interface ArticleNumber {
  issn: string;
  year: number;
  issue: number;
  firstPage: number;
  pageCount: number;
}

/**
 * Decode a 文章编号. Chinese journals number articles `ISSN(year)issue-first page-page count`
 * (e.g. `1008-2991(2021)01-095-006`: ISSN 1008-2991, 2021, issue 1, pages 95–100).
 */
export function decodeArticleNumber(s: string): ArticleNumber | null {
  const m =
    /^(\d{4})\s*-\s*(\d{3}[\dXx])\s*[（(]\s*(\d{4})\s*[）)]\s*(\d{1,2})\s*[-–]\s*(\d{1,5})\s*[-–]\s*(\d{1,3})$/u.exec(
      s.trim(),
    );
  if (!m) return null;
  const pageCount = Number(m[6]);
  const firstPage = Number(m[5]);
  if (pageCount < 1 || firstPage < 1) return null;
  return {
    issn: `${m[1]}-${m[2]!.toUpperCase()}`,
    year: Number(m[3]),
    issue: Number(m[4]),
    firstPage,
    pageCount,
  };
}

/** The ISSN check digit (ISO 3297) the first seven digits call for. */
export function issnCheckDigit(issn: string): string | null {
  const d = issn.replace('-', '');
  if (!/^\d{7}[\dX]$/u.test(d)) return null;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(d[i]) * (8 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** `基金项目：…`, `作者简介：…`, `收稿日期：…` → label and text. */
export function noteLine(line: string): { label: string; text: string } | null {
  const m =
    /^(?:[[【［]\s*(基金项目|作者简介|收稿日期|修回日期|通讯作者|通信作者|项目来源|课题来源|基金|项目)\s*[\]】］]\s*[：:]?|(基金项目|作者简介|收稿日期|修回日期|通讯作者|通信作者|项目来源|课题来源|基金|项目)\s*[：:])\s*/u.exec(
      line,
    );
  return m ? { label: (m[1] ?? m[2])!, text: line.slice(m[0].length).trim() } : null;
}

/** `责任编辑：孟 筱`, `（责任编辑：孟 筱）` → the editor as printed. */
export function editorLine(line: string): string | null {
  const m = /^[（(【[]?\s*(?:责任编辑|责编|编辑)\s*[：:]\s*(.+?)\s*[）)】\]]?\s*$/u.exec(line.trim());
  return m && m[1]!.length <= 20 ? m[1]! : null;
}

/**
 * The issue after a year's `年`, as journals and the site print it: `1期`, `第1期`, a combined or
 * supplementary issue (`Z1期`, `S1期`, `增刊`, `增刊1期`). Five groups: the number; the letter and
 * its number; `增刊` and its number. `issueOf` reads them.
 */
const ISSUE = String.raw`(?:第?\s*(\d{1,3})\s*期|第?\s*([ZzSs])\s*(\d{1,2})\s*期|(增刊)\s*(\d{0,2})\s*期?)`;

/** The issue from `ISSUE`'s groups, starting at `g`: a number, or a label such as `Z1` or `增刊`. */
function issueOf(m: RegExpExecArray, g: number): number | string {
  return m[g] ? Number(m[g]) : m[g + 1] ? `${m[g + 1]!.toUpperCase()}${Number(m[g + 2])}` : `增刊${m[g + 4] ?? ''}`;
}

const JOURNAL_ISSUE = new RegExp(String.raw`^(.+?)\s*[，,]?\s*(\d{4})\s*年\s*(?:第?\s*(\d{1,3})\s*卷\s*)?${ISSUE}\s*$`, 'u');

/**
 * `宁夏党校学报 2021年1期` / `…2021年第1期` / `…2021年第12卷第1期` → journal, year, volume, issue;
 * a combined or supplementary issue (`…2021年Z1期`, `…2021年增刊`, `…S1期`) keeps its label.
 */
export function journalIssueLine(
  line: string,
): { journal: string; year: number; volume: number | null; issue: number | string } | null {
  const m = JOURNAL_ISSUE.exec(line.trim());
  if (!m) return null;
  // 《中国电化教育》 2020年第6期: the title marks are the page's, not the journal's name.
  const journal = m[1]!.trim().replace(/^《(.+)》$/u, '$1');
  return { journal, year: Number(m[2]), volume: m[3] ? Number(m[3]) : null, issue: issueOf(m, 4) };
}

/** The site's posting line `2021-03-08 06:21:08吴欢欢` → timestamp and what follows it. */
export function postedLine(line: string): { postedAt: string; rest: string } | null {
  const m = /^(\d{4}-\d{1,2}-\d{1,2}(?:[ T\u00a0]+\d{1,2}:\d{2}(?::\d{2})?)?)\s*/u.exec(line.trim());
  return m ? { postedAt: m[1]!.replace(/\u00a0/g, ' '), rest: line.trim().slice(m[0].length).trim() } : null;
}

const RELATED_SOURCE = new RegExp(
  String.raw`^(.*?)\s*(?:[（(]\s*((\d{4})\s*年\s*(?:第?\s*\d{1,3}\s*卷\s*)?${ISSUE})\s*[）)])?\s*(\d{4}-\d{1,2}-\d{1,2})?(?:[ T\u00a0]+(\d{1,2}:\d{2}(?::\d{2})?))?\s*$`,
  'u',
);

/** A related title's source line: `考试周刊(2016年104期)2017-01-19 14:26:26`, `…(2021年Z1期)…`, `…(2016年第3卷第2期)…`. */
export function relatedSourceLine(line: string): Omit<RelatedTitle, 'title'> | null {
  const m = RELATED_SOURCE.exec(line.trim());
  if (!m || (m[2] === undefined && m[9] === undefined)) return null;
  return {
    journal: m[1]!.trim() === '' ? null : m[1]!.trim(),
    issueLabel: m[2] ?? null,
    year: m[3] ? Number(m[3]) : null,
    issue: m[2] ? issueOf(m, 4) : null,
    date: m[9] ?? null,
    time: m[10] ?? null,
  };
}
