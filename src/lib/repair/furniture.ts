// Page furniture: which lines of a source page are not the article (spam, the `?` line, site
// chrome, the related-titles list). It classifies lines by their shape only; it never edits text
// (the repair records the removal in the apparatus and keeps the lines for the article model).

import { journalIssueLine, postedLine, relatedSourceLine } from '../model/front.ts';
import { findPinyinTags, withoutPinyinParentheticals } from '../pinyin/index.ts';
import type { FurnitureRole } from './types.ts';

export interface PageLine {
  index: number;
  /** Offsets of the line's text in the page (without the line break). */
  start: number;
  end: number;
  text: string;
}

/** Split a page into lines with their offsets; `\r\n`, `\r` and `\n` all end a line. */
export function splitLines(page: string): PageLine[] {
  const out: PageLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(page))) {
    out.push({ index: out.length, start, end: m.index, text: page.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ index: out.length, start, end: page.length, text: page.slice(start) });
  return out;
}

/** A line without its pinyin tags. */
function untagged(text: string): string {
  return withoutPinyinParentheticals(text);
}

/**
 * A related title's source line as the site prints it, all three parts present: journal, issue in
 * brackets, listing date (`考试周刊(2016年104期)2017-01-19 14:26:26`). The structure stage reads
 * it with the same parser.
 */
function isRelatedSource(text: string): boolean {
  const src = relatedSourceLine(text);
  return src !== null && src.journal !== null && src.journal.length <= 40 && src.issueLabel !== null && src.date !== null;
}

/** A line compared without pinyin tags, the no-break `?` and spacing, in either script. */
function bare(text: string): string {
  return untagged(text)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .trim();
}

const KEYWORD_LABEL = /^(關鍵詞|关键词|關鍵字|关键字)[:：]/u;
const RELATED_HEADING = /^(猜你喜歡|猜你喜欢|相關文章|相关文章|相關推薦|相关推荐)$/u;
/** A reference line: its number first ([3]), or a GB/T 7714 document type code ([M], [J], [EB/OL]). */
const REFERENCE_SHAPE = /^\[\d{1,3}\]|\[(?:M|J|D|C|N|R|S|P|G|Z|A|DB|CP|EB|EB\/OL|J\/OL|M\/OL|DB\/OL|N\/OL|C\/OL)\]/u;
/** The marks of a mojibake run: a `?` before a non-ASCII character, or a private-use character. */
const MOJIBAKE = /\?[^\x00-\x7f]|[\ue000-\uf8ff]/u;
const ABSTRACT_LABEL = /^(摘要|摘\s*要|\[摘要\]|【摘要】)[:：]?/u;

/**
 * A line of spam: short items separated by commas, or titles separated by bars (a title may have
 * a colon), and no sentence. `few`: the line stands where the page's spam stands (first, before
 * the `?` line), so fewer items do.
 */
function isSpamLine(text: string, few = false): boolean {
  const t = text.trim();
  if (/[。“”]/.test(t)) return false;
  // A reference (its number, or a GB/T 7714 document type: [M], [J], [EB/OL]) is the article's,
  // however many commas its authors and places give it. So is a line the site's tagger read: the
  // spam was added after it ran (光緒(xù)二十二年(1896)夏,福州…).
  if (REFERENCE_SHAPE.test(t) || findPinyinTags(t).length > 0) return false;
  const bars = t.split('|').filter((s) => s.trim()).length;
  if (bars >= (few ? 2 : 3)) return true;
  if (/[；;：:]/.test(t)) return false;
  const commas = t.split(/[,，]/).filter((s) => s.trim()).length;
  return commas >= (few ? 2 : 5);
}

/**
 * Classify the lines of a page. Returns the role of each furniture line; lines without a role
 * are the article (title, front matter, body, references, editor).
 */
export function classifyFurniture(lines: PageLine[]): Map<number, FurnitureRole> {
  const roles = new Map<number, FurnitureRole>();
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  if (nonEmpty.length === 0) return roles;

  // Spam: the first line and the last line, when they have the shape of spam.
  const first = nonEmpty[0]!;
  const placeholderNext = /^[?？\uFFFD]$/.test(nonEmpty[1]?.text.trim() ?? '');
  if (isSpamLine(first.text, placeholderNext)) roles.set(first.index, 'spam');
  const last = nonEmpty[nonEmpty.length - 1]!;
  if (last !== first && isSpamLine(last.text)) roles.set(last.index, 'spam');

  for (const l of nonEmpty) {
    if (roles.has(l.index)) continue;
    if (/^[?？\uFFFD]$/.test(l.text.trim())) roles.set(l.index, 'placeholder');
  }

  // The front: chrome sits between the title and the abstract (or the first long paragraph).
  const abstractAt = nonEmpty.findIndex((l) => ABSTRACT_LABEL.test(bare(l.text)));
  const frontEnd = abstractAt >= 0 ? abstractAt : Math.min(nonEmpty.length, 12);
  let bylineNames = '';
  let siteKeywords = '';
  for (let i = 0; i < frontEnd; i++) {
    const l = nonEmpty[i]!;
    if (roles.has(l.index)) continue;
    const b = bare(l.text);
    const t = l.text.trim();
    const posted = postedLine(t);
    if (posted && posted.postedAt.includes(':')) {
      // The site's posting time glued to the author names (a date alone may be the article's).
      roles.set(l.index, 'posted-byline');
      bylineNames = bare(posted.rest);
    } else if (b.length <= 60 && journalIssueLine(b)) {
      // The journal line the structure stage reads (`寧夏黨校學報 2021年1期`, `…第42卷第3期`,
      // `…Z1期`, `…S1期`, `…增刊`): one pattern decides both what is taken out and what is read.
      roles.set(l.index, 'journal-issue');
    } else if (KEYWORD_LABEL.test(b) && !/[;；,，、]/.test(b) && !/\S\s+\S/.test(untagged(t).replace(KEYWORD_LABEL, '').trim()) && !MOJIBAKE.test(t)) {
      // The site glues its keywords together; the article's own line separates them, if only by
      // spaces. One that shows mojibake lost its separators to the run (關係?担换鶎: 关系；基层).
      roles.set(l.index, 'site-keywords');
      siteKeywords = b.replace(KEYWORD_LABEL, '');
    } else if (bylineNames && b === bylineNames) {
      roles.set(l.index, 'byline');
    }
  }

  // The related-titles list runs from its heading to the end (before the trailing spam).
  const headingAt = nonEmpty.findIndex((l) => RELATED_HEADING.test(bare(l.text)));
  if (headingAt >= 0) {
    for (let i = headingAt; i < nonEmpty.length; i++) {
      const l = nonEmpty[i]!;
      if (roles.has(l.index)) continue;
      const b = bare(l.text);
      if (i === headingAt) roles.set(l.index, 'related-heading');
      else if (siteKeywords && b === siteKeywords) roles.set(l.index, 'site-keywords');
      else if (isRelatedSource(l.text)) roles.set(l.index, 'related-source');
      else roles.set(l.index, 'related-title');
    }
  }
  return roles;
}
