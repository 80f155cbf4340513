// Renders the article model's body and reference list as hast for the linking plugins and the
// site: sections as `<section>` with an id'd heading, paragraphs as `<p id>`. Text goes in as
// text nodes only, so it is escaped on output; it never parses the source as HTML.

import type { Element, ElementContent, Root } from 'hast';
import type { Article, Paragraph, Reference, Section } from '../model/types.ts';
import { fragment } from './href.ts';
import { text } from './text.ts';

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** `<p id="s1-2-p3">text</p>` */
export function paragraphHast(p: Paragraph): Element {
  return el('p', { id: p.id }, [text(p.text)]);
}

/** `<section><h2 id="s1">一、…</h2><p id="s1-p1">…</p>…</section>`; headings h2–h6 by depth. */
export function sectionHast(s: Section): Element {
  const level = Math.min(6, s.depth + 1);
  return el('section', { ariaLabelledby: s.id, className: [`depth-${s.depth}`] }, [
    el(`h${level}`, { id: s.id }, [text(s.heading)]),
    ...s.paragraphs.map(paragraphHast),
    ...s.subsections.map(sectionHast),
  ]);
}

/**
 * The notes under their printed heading: `<section class="endnotes"><h2>注释</h2><ol><li
 * id="endnote-N"><span class="note-label">①</span> <span id="endnote-N-text">text</span> <a href="#endnoteref-N-k">↩</a></li></ol>`.
 */
export function endnotesHast(article: Article): Element {
  return el('section', { className: ['endnotes'], id: 'endnotes', ariaLabelledby: 'endnotes-h' }, [
    el('h2', { id: 'endnotes-h' }, [text(article.endnotesHeading ?? '注释')]),
    el(
      'ol',
      { className: ['endnotes'] },
      article.endnotes.map((n) =>
        el('li', { id: n.id, value: String(n.number) }, [
          el('span', { className: ['note-label'] }, [text(n.label)]),
          text(' '),
          el('span', { className: ['note-text'], id: `${n.id}-text` }, [text(n.text)]),
          ...n.citedBy.map((id, i) => el('a', { href: fragment(id), className: ['backlink'], ariaLabel: `Back to note marker ${i + 1}` }, [text('↩')])),
        ]),
      ),
    ),
  ]);
}

/** The body in reading order: front-matter paragraphs, the sections, then the notes (if any). */
export function bodyHast(article: Article): Root {
  return {
    type: 'root',
    children: [
      ...article.front.map(paragraphHast),
      ...article.sections.map(sectionHast),
      ...(article.endnotes.length > 0 ? [endnotesHast(article)] : []),
    ],
  };
}

/**
 * The reference list: `<ol><li id="ref-N">raw <a href="#cite-N-k">↩</a>…</li></ol>`, the
 * back-links taken from `backlinks` when given (from rehypeCitations) or else from the model.
 */
export function referencesHast(references: Reference[], backlinks?: Map<number, string[]>): Element {
  return el(
    'ol',
    { className: ['references'] },
    references.map((r) => {
      const ids = backlinks?.get(r.number) ?? r.citedBy;
      return el('li', { id: r.id, value: String(r.number) }, [
        text(r.raw),
        ...ids.map((id, i) =>
          el('a', { href: fragment(id), className: ['backlink'], ariaLabel: `Back to citation ${i + 1}` }, [text('↩')]),
        ),
      ]);
    }),
  );
}
