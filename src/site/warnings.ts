// The editor's notes (编者按) as the article page shows them: each model warning said in the
// page's script from its code and values (`data`), with the place it concerns as a reader names
// it (`三（一）第1段`, `参考文献[3]`) and a link when that place is on the page. The model's
// English sentence stays in the model (CLI, JSON); the page never needs it.

import type { Article, Section, Warning } from '../lib/model/types.ts';
import { paragraphLabels } from './render.ts';
import { fmt, type UiStrings } from './strings.ts';

export interface WarningView {
  code: Warning['code'];
  /** Short label of the kind of problem (`图表缺失`). */
  label: string;
  /** The note in full, in the page's script. */
  text: string;
  /** The place it concerns on the page, when there is one to go to. */
  place: { href: string; label: string } | null;
}

const MISSING_FIELD: Partial<Record<Warning['code'], keyof UiStrings['warningField']>> = {
  'missing-journal': 'journal',
  'missing-year': 'year',
  'missing-issue': 'issue',
  'missing-issn': 'issn',
  'missing-pages': 'pages',
  'missing-clc': 'clc',
  'missing-document-code': 'documentCode',
  'missing-article-number': 'articleNumber',
};

/** One warning's note in the page's script. */
export function warningText(w: Warning, ui: UiStrings): string {
  const t = ui.warningText;
  const field = MISSING_FIELD[w.code];
  if (field) return fmt(t['missing-field'], { field: ui.warningField[field] });
  switch (w.code) {
    case 'missing-title':
    case 'missing-authors':
    case 'missing-abstract':
    case 'missing-sections':
    case 'reference-unparsed':
    case 'citation-missing-reference':
    case 'reference-not-cited':
    case 'article-number-unreadable':
    case 'unnumbered-section':
    case 'issn-check-digit':
      return fmt(t[w.code], { ...w.data });
    case 'missing-keywords':
      return w.data.siteKeywordLine ? t['missing-keywords-site'] : t['missing-keywords'];
    case 'missing-references':
      return w.data.empty ? t['missing-references-empty'] : t['missing-references'];
    case 'section-numbering':
      return w.data.repeated || w.data.number === null || w.data.expected === null
        ? fmt(t['section-numbering-repeated'], { heading: w.data.heading })
        : fmt(t['section-numbering'], { heading: w.data.heading, number: w.data.number, expected: w.data.expected });
    case 'reference-numbering':
      return w.data.repeated || w.data.position === null
        ? fmt(t['reference-numbering-repeated'], { number: w.data.number })
        : fmt(t['reference-numbering'], { number: w.data.number, position: w.data.position });
    case 'missing-figure':
      return fmt(t['missing-figure'], { label: w.data.label, what: w.data.kind === 'figure' ? ui.figure : ui.table });
    case 'metadata-conflict':
      return fmt(t['metadata-conflict'], { ...w.data, field: ui.warningField[w.data.field] });
    default:
      return w.message;
  }
}

/** Reader's labels of the places a warning can name that the page shows: paragraphs, headings, references. */
function placeLabels(article: Article, ui: UiStrings): Map<string, string> {
  const out = paragraphLabels(article, ui);
  const visit = (sections: Section[], path: string): void => {
    for (const s of sections) {
      const label = path + (s.numbering.label !== '' ? s.numbering.label.replace(/[、.．]$/u, '') : `“${s.title.slice(0, 8)}”`);
      out.set(s.id, fmt(ui.placeHeading, { section: label }));
      visit(s.subsections, label);
    }
  };
  visit(article.sections, '');
  for (const r of article.references) out.set(r.id, fmt(ui.placeReference, { n: r.number }));
  return out;
}

/** The article's warnings as its page shows them, in the model's order. */
export function warningViews(article: Article, ui: UiStrings): WarningView[] {
  const labels = placeLabels(article, ui);
  return article.warnings.map((w) => {
    const label = labels.get(w.place.id);
    return {
      code: w.code,
      label: ui.warningCode[w.code] ?? w.code,
      text: warningText(w, ui),
      place: label ? { href: `#${encodeURIComponent(w.place.id)}`, label } : null,
    };
  });
}
