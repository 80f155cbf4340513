// Places the repair's apparatus on the article page: for every emendation, the element it stands
// in (paragraph, heading, reference…) found through the edition line it falls on, its offsets in
// that element's text in either script, a human label of the place and an excerpt. It also groups
// and summarises the apparatus for the apparatus page. It never changes an emendation.

import type { Article, Paragraph, Section } from '../lib/model/types.ts';
import type { Emendation, EmendationKind, FurnitureLine, RepairResult } from '../lib/repair/index.ts';
import type { BlockKind, EntryView, Script } from './types.ts';

type Convert = (simplified: string) => string;

/** A run of a line's text that one element of the page shows. */
interface Block {
  block: BlockKind;
  anchor: string | null;
  /** Where the element's text starts in the edition line; null when it does not show it verbatim. */
  at: number | null;
  /** The element's text in zh-Hans. */
  hans: string;
  /** The same element's text in the page's script. */
  shown: string;
  label: string;
}

const KEYWORD_LINE = /^\s*关键词\s*[:：]/u;
const EDITOR_LINE = /责任编辑/u;
const REFERENCES_LINE = /^\s*(?:参考文献|参考资料|注释|注释与参考文献)\s*[:：]?\s*$/u;
const EXCERPT = 12;

/** Kinds marked inline in the text; the rest are listed on the apparatus page only. */
export const MARKED_KINDS: ReadonlySet<EmendationKind> = new Set(['realign', 'lacuna', 'script', 'space']);

/** Order of the kinds on the apparatus page: what a reader must check first. */
export const KIND_ORDER: readonly EmendationKind[] = ['lacuna', 'realign', 'script', 'space', 'punctuation', 'pinyin', 'furniture'];

function walkSections(sections: Section[], visit: (s: Section, path: Section[]) => void, path: Section[] = []): void {
  for (const s of sections) {
    visit(s, path);
    walkSections(s.subsections, visit, [...path, s]);
  }
}

/** `一（二）`: the numbering labels of a section and its ancestors, or a short title when unnumbered. */
function sectionLabel(path: Section[]): string {
  return path
    .map((s) => (s.numbering.label !== '' ? s.numbering.label.replace(/[、.．]$/u, '') : `“${s.title.slice(0, 8)}”`))
    .join('');
}

/** Maps an offset in `before` to the same place in `after` (its conversion), as the model does. */
function mapOffset(before: string, after: string, offset: number, convert: Convert): number {
  if (before.length === after.length) return offset;
  return Math.min(after.length, convert(before.slice(0, offset)).length);
}

/** Every element of the page that shows (part of) an edition line, by line. */
function blocksByLine(repair: RepairResult, hans: Article, shown: Article, convert: Convert | null): Map<number, Block[]> {
  const lines = repair.text.split('\n');
  const out = new Map<number, Block[]>();
  const add = (line: number, b: Omit<Block, 'at'>): void => {
    const text = lines[line] ?? '';
    const at = b.hans === '' ? -1 : text.lastIndexOf(b.hans);
    const list = out.get(line) ?? [];
    list.push({ ...b, at: at < 0 ? null : at });
    out.set(line, list);
  };
  const c = (s: string): string => (convert ? convert(s) : s);

  // Title: the first non-empty line.
  const titleLine = lines.findIndex((l) => l.trim() !== '');
  if (titleLine >= 0 && hans.meta.title !== '') {
    add(titleLine, { block: 'title', anchor: 'title', hans: hans.meta.title, shown: shown.meta.title, label: c('篇名') });
  }
  // Abstract: one paragraph per line it came from.
  if (hans.abstract !== null) {
    const parts = hans.abstract.split('\n');
    const shownParts = (shown.abstract ?? '').split('\n');
    let from = 0;
    parts.forEach((part, i) => {
      const line = lines.findIndex((l, k) => k >= from && l.includes(part));
      if (line < 0) return;
      from = line + 1;
      add(line, { block: 'abstract', anchor: `abstract-${i + 1}`, hans: part, shown: shownParts[i] ?? part, label: c('摘要') });
    });
  }
  // Sections and their paragraphs.
  const shownSections = new Map<string, Section>();
  walkSections(shown.sections, (s) => shownSections.set(s.id, s));
  const shownParagraphs = new Map<string, Paragraph>();
  for (const p of shown.front) shownParagraphs.set(p.id, p);
  walkSections(shown.sections, (s) => s.paragraphs.forEach((p) => shownParagraphs.set(p.id, p)));
  hans.front.forEach((p, i) => {
    add(p.line, { block: 'paragraph', anchor: p.id, hans: p.text, shown: shownParagraphs.get(p.id)?.text ?? p.text, label: c(`开篇第${i + 1}段`) });
  });
  walkSections(hans.sections, (s, path) => {
    const label = sectionLabel([...path, s]);
    add(s.line, { block: 'heading', anchor: s.id, hans: s.heading, shown: shownSections.get(s.id)?.heading ?? s.heading, label: c(`${label}标题`) });
    s.paragraphs.forEach((p, i) => {
      add(p.line, { block: 'paragraph', anchor: p.id, hans: p.text, shown: shownParagraphs.get(p.id)?.text ?? p.text, label: c(`${label}第${i + 1}段`) });
    });
  });
  const shownRefs = new Map(shown.references.map((r) => [r.id, r]));
  for (const r of hans.references) {
    add(r.line, { block: 'reference', anchor: r.id, hans: r.raw, shown: shownRefs.get(r.id)?.raw ?? r.raw, label: c(`参考文献[${r.number}]`) });
  }
  const shownEndnotes = new Map(shown.endnotes.map((n) => [n.id, n]));
  for (const n of hans.endnotes) {
    add(n.line, { block: 'endnote', anchor: `${n.id}-text`, hans: n.text, shown: shownEndnotes.get(n.id)?.text ?? n.text, label: c(`注释${n.label}`) });
  }
  if (hans.endnotesHeading !== null) {
    const line = lines.findIndex((text) => text.trim().replace(/[：:]$/u, '') === hans.endnotesHeading);
    if (line >= 0) add(line, { block: 'references-heading', anchor: 'endnotes', hans: '', shown: '', label: c('注释标题') });
  }
  hans.notes.forEach((n, i) => {
    add(n.line, { block: 'note', anchor: `note-${i + 1}`, hans: '', shown: '', label: c(n.label) });
  });
  // Lines the model keeps as fields rather than as text: keywords, editor, catalogue lines.
  const firstBody = Math.min(
    ...[...hans.front, ...hans.sections].map((x) => x.line),
    lines.length,
  );
  lines.forEach((text, line) => {
    if (out.has(line) || text.trim() === '') return;
    if (KEYWORD_LINE.test(text)) add(line, { block: 'keywords', anchor: 'keywords', hans: '', shown: '', label: c('关键词') });
    else if (EDITOR_LINE.test(text)) add(line, { block: 'editor', anchor: 'editor', hans: '', shown: '', label: c('责任编辑') });
    else if (REFERENCES_LINE.test(text)) add(line, { block: 'references-heading', anchor: 'references', hans: '', shown: '', label: c('参考文献标题') });
    else if (line < firstBody) add(line, { block: 'front-matter', anchor: 'meta', hans: '', shown: '', label: c('著录信息') });
    else add(line, { block: 'other', anchor: null, hans: '', shown: '', label: c(`第${line + 1}行`) });
  });
  return out;
}

/** The line an edition offset falls on (the last line starting at or before it). */
function lineOf(repair: RepairResult, offset: number): number {
  let lo = 0;
  let hi = repair.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (repair.lines[mid]!.edition.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The furniture line an emendation removed. */
function furnitureOf(repair: RepairResult, e: Emendation): FurnitureLine | null {
  return repair.furniture.find((f) => f.page.start >= e.page.start && f.page.start < Math.max(e.page.end, e.page.start + 1)) ?? null;
}

/**
 * The apparatus as `script`'s pages show it. `shown` is the article in that script (the zh-Hans
 * model itself for zh-Hans) and `convert` the conversion that made it (null for zh-Hans).
 */
export function placeApparatus(repair: RepairResult, hans: Article, shown: Article, convert: Convert | null): EntryView[] {
  const blocks = blocksByLine(repair, hans, shown, convert);
  const c = (s: string): string => (convert ? convert(s) : s);
  const lines = repair.text.split('\n');
  const shownLines = new Map<number, string>();
  const shownLine = (i: number): string => {
    let v = shownLines.get(i);
    if (v === undefined) shownLines.set(i, (v = c(lines[i] ?? '')));
    return v;
  };
  return repair.apparatus.map((e): EntryView => {
    const base = {
      id: e.id,
      kind: e.kind,
      witness: e.witness,
      reading: e.reading,
      shown: c(e.reading),
      confidence: e.confidence,
      note: e.note,
    };
    if (e.kind === 'furniture') {
      const f = furnitureOf(repair, e);
      return {
        ...base,
        place: { block: 'furniture', anchor: null, start: null, end: null, line: null, label: c('网页附件') },
        excerpt: null,
        role: f?.role ?? null,
        furnitureReading: f ? c(f.reading) : null,
      };
    }
    const line = lineOf(repair, e.edition.start);
    const lineStart = repair.lines[line]!.edition.start;
    const s = e.edition.start - lineStart;
    const t = e.edition.end - lineStart;
    const candidates = blocks.get(line) ?? [];
    const block =
      candidates.find((b) => b.at !== null && s >= b.at && t <= b.at + b.hans.length) ??
      candidates.find((b) => b.at === null) ??
      candidates[0] ??
      null;
    let start: number | null = null;
    let end: number | null = null;
    if (block && block.at !== null && s >= block.at && t <= block.at + block.hans.length) {
      const bs = s - block.at;
      const bt = t - block.at;
      start = convert ? mapOffset(block.hans, block.shown, bs, convert) : bs;
      end = convert ? mapOffset(block.hans, block.shown, bt, convert) : bt;
    }
    const hansLine = lines[line] ?? '';
    const text = shownLine(line);
    const ls = convert ? mapOffset(hansLine, text, s, convert) : s;
    const lt = convert ? mapOffset(hansLine, text, t, convert) : t;
    return {
      ...base,
      place: {
        block: block?.block ?? 'other',
        anchor: block?.anchor ?? null,
        start,
        end,
        line,
        label: block?.label ?? c(`第${line + 1}行`),
      },
      excerpt: { before: text.slice(Math.max(0, ls - EXCERPT), ls).trimStart(), after: text.slice(lt, lt + EXCERPT).trimEnd() },
      role: null,
      furnitureReading: null,
    };
  });
}

/** Entries grouped by kind, in `KIND_ORDER`, empty kinds left out. */
export function groupByKind(entries: EntryView[]): Array<{ kind: EmendationKind; entries: EntryView[] }> {
  return KIND_ORDER.map((kind) => ({ kind, entries: entries.filter((e) => e.kind === kind) })).filter((g) => g.entries.length > 0);
}

/** `witness → reading` pairs with their counts, most frequent first: the pinyin and punctuation summary. */
export function summarise(entries: EntryView[]): Array<{ witness: string; shown: string; count: number; first: string; confidence: string }> {
  const byPair = new Map<string, { witness: string; shown: string; count: number; first: string; min: number; max: number }>();
  for (const e of entries) {
    const key = `${e.witness}\u0000${e.shown}`;
    const have = byPair.get(key);
    if (have) {
      have.count++;
      have.min = Math.min(have.min, e.confidence);
      have.max = Math.max(have.max, e.confidence);
    } else byPair.set(key, { witness: e.witness, shown: e.shown, count: 1, first: e.id, min: e.confidence, max: e.confidence });
  }
  const pct = (c: number): string => `${Math.round(c * 1000) / 10}%`;
  return [...byPair.values()]
    .sort((a, b) => b.count - a.count || a.witness.localeCompare(b.witness))
    .map(({ min, max, ...rest }) => ({ ...rest, confidence: min === max ? pct(min) : `${pct(min)}–${pct(max)}` }));
}

/** Inline marks per element id: the marked kinds that have offsets in an element. */
export function marksByElement(entries: EntryView[]): Map<string, EntryView[]> {
  const out = new Map<string, EntryView[]>();
  for (const e of entries) {
    if (!MARKED_KINDS.has(e.kind) || e.place.anchor === null || e.place.start === null) continue;
    const list = out.get(e.place.anchor) ?? [];
    list.push(e);
    out.set(e.place.anchor, list);
  }
  return out;
}

/** Script of the witness: the damaged page is the traditional copy. */
export const WITNESS_LANG: Script = 'zh-Hant';
