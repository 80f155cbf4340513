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

/** The body in reading order: front-matter paragraphs, then the sections. */
export function bodyHast(article: Article): Root {
  return { type: 'root', children: [...article.front.map(paragraphHast), ...article.sections.map(sectionHast)] };
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
