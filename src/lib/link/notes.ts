// rehypeNoteRefs: turns the circled numbers that point to an endnote (《老人与海》①) into links to
// the note (`#endnote-N`), giving the k-th marker of note N the id `endnoteref-N-k`. That is its only
// job. Run it before the plugins that split text (citations, keywords), so that it sees each
// paragraph whole and can tell a marker from a list's ① at a clause's start.

import type { ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { endnoteId, findNoteMarkers, noteRefId } from '../model/endnotes.ts';
import { fragment } from './href.ts';
import { ALWAYS_SKIP, classes, HEADINGS, replaceText, text } from './text.ts';

export interface NoteRefsOptions {
  /** Numbers of the notes the article has. Other circled numbers stay as they are. */
  notes: Iterable<number>;
}

const HEADING_TAGS: ReadonlySet<string> = new Set(HEADINGS);

export const rehypeNoteRefs: Plugin<[NoteRefsOptions], Root> = function (options) {
  const known = new Set(options.notes);
  return (tree) => {
    if (known.size === 0) return;
    const counter = new Map<number, number>();
    replaceText(
      tree,
      (el) => ALWAYS_SKIP.has(el.tagName) || HEADING_TAGS.has(el.tagName) || classes(el).includes('endnotes') || classes(el).includes('noteref'),
      (node) => {
        const markers = findNoteMarkers(node.value, known);
        if (markers.length === 0) return null;
        const nodes: ElementContent[] = [];
        let last = 0;
        for (const m of markers) {
          if (m.start > last) nodes.push(text(node.value.slice(last, m.start)));
          const k = (counter.get(m.note) ?? 0) + 1;
          counter.set(m.note, k);
          nodes.push({
            type: 'element',
            tagName: 'sup',
            properties: { className: ['noteref'] },
            children: [
              {
                type: 'element',
                tagName: 'a',
                properties: { href: fragment(endnoteId(m.note)), id: noteRefId(m.note, k), className: ['noteref-link'], dataNote: String(m.note) },
                children: [text(node.value.slice(m.start, m.end))],
              },
            ],
          });
          last = m.end;
        }
        if (last < node.value.length) nodes.push(text(node.value.slice(last)));
        return nodes;
      },
    );
  };
};
