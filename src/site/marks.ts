// Two small rehype plugins of the reading site. `rehypeEmendationMarks` puts a quiet mark where
// an emendation stands in an element's text (found by offsets into that element's text, so it
// runs after the plugins that only wrap text) with a hover/focus preview of the apparatus entry;
// `rehypeCitationPreviews` puts the reference's text next to each citation link as a preview.
// Both add text nodes only (escaped on output) and never put a link inside a link.

import type { Element, ElementContent, Root, Text } from 'hast';
import type { Plugin } from 'unified';

const classesOf = (el: Element): string[] => {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

/** Elements whose text is not the element's own (previews and marks added by these plugins). */
const ADDED = new Set(['em-tip', 'em-mark', 'cite-tip', 'anchor']);
const isAdded = (el: Element): boolean => classesOf(el).some((c) => ADDED.has(c));

interface Located {
  node: Text;
  parent: Element;
  index: number;
  start: number;
  end: number;
  /** The outermost link around the text inside the element, with where it stands. */
  link: { el: Element; parent: Element; index: number } | null;
}

function locate(root: Element): Located[] {
  const out: Located[] = [];
  let offset = 0;
  const walk = (el: Element, link: Located['link']): void => {
    el.children.forEach((child, index) => {
      if (child.type === 'text') {
        out.push({ node: child, parent: el, index, start: offset, end: offset + child.value.length, link });
        offset += child.value.length;
      } else if (child.type === 'element' && !isAdded(child)) {
        walk(child, link ?? (child.tagName === 'a' ? { el: child, parent: el, index } : null));
      }
    });
  };
  walk(root, null);
  return out;
}

const text = (value: string): Text => ({ type: 'text', value });

export interface MarkSpan {
  start: number;
  end: number;
}

export interface MarksOptions<T extends MarkSpan> {
  /** Element id → the marks in its text (offsets into the element's text). */
  marks: Map<string, T[]>;
  /** The mark itself (link and preview) for an entry. */
  render: (mark: T) => ElementContent[];
  /** Class of the wrapper, given the mark. */
  className: (mark: T) => string[];
}

/** Inserts one mark into `el`: wraps the reading when it sits in one text node outside links, else marks its end. */
function insertMark<T extends MarkSpan>(el: Element, m: T, options: MarksOptions<T>): void {
  const located = locate(el);
  const wrapper = (children: ElementContent[]): Element => ({
    type: 'element',
    tagName: 'span',
    properties: { className: options.className(m) },
    children: [...children, ...options.render(m)],
  });
  if (m.end > m.start) {
    const t = located.find((l) => l.start <= m.start && m.end <= l.end && l.link === null);
    if (t) {
      const v = t.node.value;
      const a = m.start - t.start;
      const b = m.end - t.start;
      const reading: Element = { type: 'element', tagName: 'span', properties: { className: ['em-reading'] }, children: [text(v.slice(a, b))] };
      const parts: ElementContent[] = [];
      if (a > 0) parts.push(text(v.slice(0, a)));
      parts.push(wrapper([reading]));
      if (b < v.length) parts.push(text(v.slice(b)));
      t.parent.children.splice(t.index, 1, ...parts);
      return;
    }
  }
  // Mark the end of the reading (or its place, when it is empty).
  const at = m.end;
  const t = located.find((l) => l.start < at && at <= l.end) ?? located.find((l) => l.start <= at && at <= l.end);
  if (!t) {
    el.children.push(wrapper([]));
    return;
  }
  if (t.link) {
    t.link.parent.children.splice(t.link.index + 1, 0, wrapper([]));
    return;
  }
  const v = t.node.value;
  const cut = at - t.start;
  const parts: ElementContent[] = [];
  if (cut > 0) parts.push(text(v.slice(0, cut)));
  parts.push(wrapper([]));
  if (cut < v.length) parts.push(text(v.slice(cut)));
  t.parent.children.splice(t.index, 1, ...parts);
}

export const rehypeEmendationMarks: Plugin<[MarksOptions<any>], Root> = function (options) {
  return (tree) => {
    const visit = (node: Root | Element): void => {
      for (const child of [...node.children]) {
        if (child.type !== 'element') continue;
        const id = child.properties?.id;
        const marks = typeof id === 'string' ? options.marks.get(id) : undefined;
        if (marks && marks.length > 0) {
          // Last first, so that earlier offsets stay where they were.
          const sorted = [...marks].sort((a, b) => b.end - a.end || b.start - a.start);
          for (const m of sorted) insertMark(child, m, options);
        }
        visit(child);
      }
    };
    visit(tree);
  };
};

export interface PreviewsOptions {
  /** Reference number → the content of its preview. */
  preview: (ref: number) => ElementContent[] | null;
}

/** After each `a.citation-link`, a `span.cite-tip` with the reference, described-by from the link. */
export const rehypeCitationPreviews: Plugin<[PreviewsOptions], Root> = function (options) {
  return (tree) => {
    let n = 0;
    const visit = (node: Root | Element): void => {
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i]!;
        if (child.type !== 'element') continue;
        if (child.tagName === 'a' && classesOf(child).includes('citation-link')) {
          const ref = Number(child.properties?.dataRef);
          const content = options.preview(ref);
          if (content) {
            const id = `tip-c${++n}`;
            child.properties = { ...child.properties, ariaDescribedby: id };
            node.children.splice(i + 1, 0, {
              type: 'element',
              tagName: 'span',
              properties: { className: ['cite-tip'], role: 'tooltip', id, dataPagefindIgnore: '' },
              children: content,
            });
            i++;
          }
          continue;
        }
        visit(child);
      }
    };
    visit(tree);
  };
};
