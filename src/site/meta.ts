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

/** `宁夏党校学报 2021年第1期` for lists. */
export function sourceLine(article: Article, ui: UiStrings): string {
  const m = article.meta;
  const parts: string[] = [];
  if (m.journal) parts.push(m.journal.value);
  if (m.year && m.issue) parts.push(fmt(ui.issueLabel, { year: m.year.value, issue: m.issue.value }));
  else if (m.year) parts.push(fmt(ui.yearLabel, { year: m.year.value }));
  return parts.join(' ');
}

/** Authors as a reader writes them: names without the alignment pad, joined by `、`. */
export function authorNames(article: Article): string[] {
  return (article.meta.authors?.value ?? []).map((n) => n.name);
}
