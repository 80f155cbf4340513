// Shared by the linking plugins: walk a hast tree's text in document order and replace a text
// node by new nodes, skipping elements a plugin must not enter; plus the class-name helpers
// they use. It never builds HTML from strings: everything stays hast text nodes, escaped on output.

import type { Element, ElementContent, Root, RootContent, Text } from 'hast';

/** Heading elements: the model cites and marks notes from paragraphs only. */
export const HEADINGS: readonly string[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Elements whose text is never linked: links, code, scripts, and marks already made. */
export const ALWAYS_SKIP: ReadonlySet<string> = new Set(['a', 'code', 'pre', 'script', 'style', 'kbd', 'samp', 'textarea']);

/** The class list of an element. */
export function classes(el: Element): string[] {
  const c: unknown = el.properties?.className;
  if (Array.isArray(c)) return c.map(String);
  if (typeof c === 'string') return c.split(/\s+/);
  return [];
}

/**
 * Call `replace` on every text node under `tree` in document order, not entering elements for
 * which `skip` says so. When `replace` returns nodes, they take the text node's place (and are
 * not walked again).
 */
export function replaceText(
  tree: Root | Element,
  skip: (el: Element) => boolean,
  replace: (text: Text) => ElementContent[] | null,
): void {
  const children = tree.children as Array<RootContent | ElementContent>;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'text') {
      const out = replace(node);
      if (out !== null) {
        children.splice(i, 1, ...out);
        i += out.length - 1;
      }
    } else if (node.type === 'element') {
      if (!skip(node)) replaceText(node, skip, replace);
    }
  }
}

/** A text node. */
export const text = (value: string): Text => ({ type: 'text', value });
