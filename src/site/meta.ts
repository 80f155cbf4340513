// The article's bibliographic fields as the title block shows them: label, value as printed,
// and where the value came from (stated on the page or derived), in the page's script.

import type { Article, Field } from '../lib/model/types.ts';
import { fmt, type UiStrings } from './strings.ts';

export interface MetaRow {
  key: string;
  label: string;
  value: string;
  /** Latin/number values (ISSN, codes) are not Chinese text. */
  latin: boolean;
  provenance: 'stated' | 'derived';
  how: string;
}

/** The rows of the title block, in reading order; fields the page lacks are left out. */
export function metaRows(article: Article, ui: UiStrings): MetaRow[] {
  const m = article.meta;
  const rows: MetaRow[] = [];
  const add = <T>(key: string, label: string, f: Field<T> | null, value: (v: T) => string, latin = false): void => {
    if (f) rows.push({ key, label, value: value(f.value), latin, provenance: f.provenance, how: f.how });
  };
  add('journal', ui.metaJournal, m.journal, (v) => v);
  add('year', ui.metaYear, m.year, (v) => String(v));
  add('volume', ui.metaVolume, m.volume, (v) => String(v));
  add('issue', ui.metaIssue, m.issue, (v) => String(v));
  add('pages', ui.metaPages, m.pages, (v) => `${v.first}–${v.last}`);
  add('issn', ui.metaIssn, m.issn, (v) => v, true);
  add('clc', ui.metaClc, m.clc, (v) => v, true);
  add('documentCode', ui.metaDocumentCode, m.documentCode, (v) => v, true);
  add('articleNumber', ui.metaArticleNumber, m.articleNumber, (v) => v, true);
  add('doi', ui.metaDoi, m.doi, (v) => v, true);
  return rows;
}

/**
 * A field's provenance in the page's script. The model says it in English (`Field.how`, in a
 * fixed set of shapes made by the parser); each shape is said again here with its values, and an
 * unknown shape is returned as null (the page then shows the English).
 */
export function howText(how: string, ui: UiStrings): string | null {
  const t = ui.how;
  if (how === 'the author line under the title') return t.authorLine;
  if (how === 'the author line the site repeats above the abstract') return t.bylineRepeat;
  if (how === "the site's posting line, after its timestamp") return t.postedLine;
  let m = /^the site's journal and issue line “(.*)”$/su.exec(how);
  if (m) return fmt(t.journalIssue, { line: m[1]! });
  m = /^(the first part|the part in parentheses|the part after the year|first page and page count) of the article number (\S+) \(文章\S+ = ISSN\(year\)issue-first page-page count\)(?:: (\d+) \+ (\d+) − 1 = (\d+))?$/u.exec(how);
  if (m) {
    const [, part, number, first, count, last] = m;
    if (part === 'first page and page count') return first && count && last ? fmt(t.derivedPages, { number: number!, first, count, last }) : null;
    const name = part === 'the first part' ? t.partIssn : part === 'the part in parentheses' ? t.partYear : t.partIssue;
    return fmt(t.derived, { number: number!, part: name });
  }
  m = /^the (\S+) line$/u.exec(how);
  if (m) return fmt(t.line, { label: m[1]! });
  return null;
}

/** `宁夏党校学报 2021年第1期` for lists. */
export function sourceLine(article: Article, ui: UiStrings): string {
  const m = article.meta;
  const parts: string[] = [];
  if (m.journal) parts.push(m.journal.value);
  if (m.year && m.issue) {
    const issue = m.issue.value;
    // A combined or supplementary issue as journals print it: 2021年Z1期, 2021年增刊.
    parts.push(typeof issue === 'number' ? fmt(ui.issueLabel, { year: m.year.value, issue }) : `${m.year.value}年${issue}${/^[ZS]/.test(issue) ? '期' : ''}`);
  } else if (m.year) parts.push(fmt(ui.yearLabel, { year: m.year.value }));
  return parts.join(' ');
}

/** Authors as a reader writes them: names without the alignment pad, joined by `、`. */
export function authorNames(article: Article): string[] {
  return (article.meta.authors?.value ?? []).map((n) => n.name);
}
