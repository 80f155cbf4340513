// rehypeCitations: turns in-text citation markers (`[1]`, `[2-4]`, `[1,3]`) into links to the
// reference list (`#ref-N`), giving every place that cites reference N its own id `cite-N-k`,
// and hands back the back-link list (reference → the ids citing it). That is its only job: it
// never reads the reference list's content, and it never touches markers inside links or code.

import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { citationId, findCitations, referenceId } from '../model/citations.ts';
import { ALWAYS_SKIP, classes, HEADINGS, replaceText, text } from './text.ts';
import { fragment } from './href.ts';

/** Reference number → ids of the places citing it, in document order. */
export type Backlinks = Map<number, string[]>;

export interface CitationsOptions {
  /** Numbers of the references the list has. Markers citing others are marked, never linked. */
  references: Iterable<number>;
  /**
   * Running count of places per reference. Pass the same map when a page is rendered in pieces
   * so that `cite-N-k` stays unique and in document order across them.
   */
  counter?: Map<number, number>;
  /** Called with the back-links once the tree is done (they are also on `file.data.backlinks`). */
  onBacklinks?: (backlinks: Backlinks) => void;
  /** Elements not to enter besides links and code. Default: headings (the model cites from paragraphs only). */
  ignore?: readonly string[];
  /** The element wrapping a marker. Default `sup`. */
  tagName?: string;
}


export const rehypeCitations: Plugin<[CitationsOptions], Root> = function (options) {
  const known = new Set(options.references);
  const ignore = new Set(options.ignore ?? HEADINGS);
  const tagName = options.tagName ?? 'sup';
  return (tree, file) => {
    const counter = options.counter ?? new Map<number, number>();
    const backlinks: Backlinks = new Map();
    const skip = (el: Element): boolean =>
      ALWAYS_SKIP.has(el.tagName) || ignore.has(el.tagName) || classes(el).includes('citation');
    replaceText(tree, skip, (node) => {
      const markers = findCitations(node.value);
      if (markers.length === 0) return null;
      const out: ElementContent[] = [];
      let last = 0;
      for (const m of markers) {
        if (m.start > last) out.push(text(node.value.slice(last, m.start)));
        const inner: ElementContent[] = [];
        let pos = m.start;
        // Give each cited number its id; printed numbers become links, numbers a range implies
        // (3 in `[2-4]`) get an empty anchor just before the range's end.
        const ids = new Map<number, string>();
        for (const ref of m.refs) {
          const k = (counter.get(ref) ?? 0) + 1;
          counter.set(ref, k);
          const id = citationId(ref, k);
          ids.set(ref, id);
          if (known.has(ref)) {
            const list = backlinks.get(ref) ?? [];
            list.push(id);
            backlinks.set(ref, list);
          }
        }
        const printed = new Set(m.printed.map((p) => p.ref));
        for (const p of m.printed) {
          if (p.start > pos) inner.push(text(node.value.slice(pos, p.start)));
          // Implied numbers between the previous printed number and this one.
          for (const ref of m.refs) {
            const implied = ids.get(ref);
            if (!printed.has(ref) && ref < p.ref && implied !== undefined) {
              ids.delete(ref);
              inner.push({
                type: 'element',
                tagName: 'span',
                properties: { id: implied, className: ['citation-implied'], dataRef: String(ref) },
                children: [],
              });
            }
          }
          const label = node.value.slice(p.start, p.end);
          // A number printed twice in one marker (`[1,1]`) keeps its id on the first only.
          const id = ids.get(p.ref);
          ids.delete(p.ref);
          inner.push(
            known.has(p.ref)
              ? {
                  type: 'element',
                  tagName: 'a',
                  properties: { href: fragment(referenceId(p.ref)), ...(id ? { id } : {}), className: ['citation-link'], dataRef: String(p.ref) },
                  children: [text(label)],
                }
              : {
                  type: 'element',
                  tagName: 'span',
                  properties: { ...(id ? { id } : {}), className: ['citation-missing'], dataRef: String(p.ref), title: `No reference ${p.ref} in the list` },
                  children: [text(label)],
                },
          );
          pos = p.end;
        }
        if (m.end > pos) inner.push(text(node.value.slice(pos, m.end)));
        out.push({ type: 'element', tagName, properties: { className: ['citation'] }, children: inner });
        last = m.end;
      }
      if (last < node.value.length) out.push(text(node.value.slice(last)));
      return out;
    });
    (file.data as Record<string, unknown>).backlinks = backlinks;
    options.onBacklinks?.(backlinks);
  };
};
