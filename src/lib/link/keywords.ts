// rehypeKeywords: highlights occurrences of the article's keywords in text as `<mark>`, linked
// to each keyword's page when the map gives a safe href. That is its only job: it never enters
// links, code or citation markers, and never writes an href that is not `#…` or a relative path.

import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { safeHref } from './href.ts';
import { ALWAYS_SKIP, classes, replaceText, text } from './text.ts';

export interface KeywordsOptions {
  /** Keyword → href of its page (`../keywords/基层政府/`), or `null` to highlight without a link. */
  keywords: Map<string, string | null> | Record<string, string | null>;
  /** Mark only the first occurrence of each keyword in the tree. Default false. */
  firstOnly?: boolean;
  /** Elements not to enter besides links, code and citation markers. Default none. */
  ignore?: readonly string[];
  /** Class of the `<mark>`. Default `keyword`. */
  className?: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const rehypeKeywords: Plugin<[KeywordsOptions], Root> = function (options) {
  const entries = options.keywords instanceof Map ? [...options.keywords] : Object.entries(options.keywords);
  const keywords = entries.filter(([k]) => k.trim() !== '');
  const ignore = new Set(options.ignore ?? []);
  const className = options.className ?? 'keyword';
  return (tree, file) => {
    if (keywords.length === 0) return;
    const hrefs = new Map<string, string | null>();
    for (const [k, href] of keywords) {
      const safe = href === null || href === undefined ? null : safeHref(href);
      if (href !== null && href !== undefined && safe === null) {
        file.message(`Keyword “${k}”: href ${JSON.stringify(href)} is not a fragment or relative path; highlighted without a link`);
      }
      hrefs.set(k, safe);
    }
    // Longest first, so that at any position the longest keyword wins.
    const pattern = new RegExp(
      [...hrefs.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'),
      'gu',
    );
    const seen = new Set<string>();
    const skip = (el: Element): boolean =>
      ALWAYS_SKIP.has(el.tagName) ||
      el.tagName === 'mark' ||
      ignore.has(el.tagName) ||
      classes(el).includes('citation');
    replaceText(tree, skip, (node) => {
      const out: ElementContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(pattern)) {
        const k = m[0];
        if (options.firstOnly && seen.has(k)) continue;
        seen.add(k);
        if (m.index > last) out.push(text(node.value.slice(last, m.index)));
        const mark: Element = {
          type: 'element',
          tagName: 'mark',
          properties: { className: [className], dataKeyword: k },
          children: [text(k)],
        };
        const href = hrefs.get(k) ?? null;
        out.push(
          href === null
            ? mark
            : { type: 'element', tagName: 'a', properties: { href, className: [`${className}-link`] }, children: [mark] },
        );
        last = m.index + k.length;
      }
      if (out.length === 0) return null;
      if (last < node.value.length) out.push(text(node.value.slice(last)));
      return out;
    });
  };
};
