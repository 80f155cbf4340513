// rehypeAnchors: gives every heading and paragraph that has an id a permalink anchor
// `<a href="#id" class="anchor">`. That is its only job: it never invents or changes ids, and
// never adds a second anchor to an element that has one.

import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { fragment } from './href.ts';
import { classes } from './text.ts';

export interface AnchorsOptions {
  /** Elements that get an anchor. Default: h1–h6 and p. */
  tagNames?: readonly string[];
  /** Class of the anchor. Default `anchor`. */
  className?: string;
  /** The anchor's visible text. Default `¶`. */
  symbol?: string;
  /** Where the anchor goes. Default `append`. */
  position?: 'append' | 'prepend';
  /** Accessible label. Default: `Permalink to <id>`. */
  label?: (id: string) => string;
}

const DEFAULT_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];

export const rehypeAnchors: Plugin<[AnchorsOptions?], Root> = function (options = {}) {
  const tags = new Set(options.tagNames ?? DEFAULT_TAGS);
  const className = options.className ?? 'anchor';
  const symbol = options.symbol ?? '¶';
  const label = options.label ?? ((id: string) => `Permalink to ${id}`);
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const id = child.properties?.id;
      if (tags.has(child.tagName) && typeof id === 'string' && id !== '') {
        const has = child.children.some((c) => c.type === 'element' && c.tagName === 'a' && classes(c).includes(className));
        if (!has) {
          const anchor: Element = {
            type: 'element',
            tagName: 'a',
            properties: { href: fragment(id), className: [className], ariaLabel: label(id) },
            children: [{ type: 'text', value: symbol }],
          };
          if (options.position === 'prepend') child.children.unshift(anchor);
          else child.children.push(anchor);
        }
      }
      walk(child);
    }
  };
  return (tree) => {
    walk(tree);
  };
};
