// Renders an edition's text for the article page as HTML strings, through hast only: the body with
// the linking plugins (citations → reference list, first keyword occurrences → keyword pages,
// permalink anchors), emendation marks with previews, citation previews and missing-figure notes;
// plus the title, abstract and reference list. Source text only ever enters as hast text nodes,
// so it is escaped on output; hrefs are built here or checked by safeHref/externalHref.

import type { Element, ElementContent, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { bodyHast, referencesHast, rehypeAnchors, rehypeCitations, rehypeKeywords, rehypeNoteRefs } from '../lib/link/index.ts';
import { classes } from '../lib/link/text.ts';
import { quotesJapanese } from '../lib/model/script.ts';
import type { Article, Reference } from '../lib/model/types.ts';
import { marksByElement, WITNESS_LANG } from './apparatus.ts';
import { rehypeJapanese } from './lang.ts';
import { rehypeCitationPreviews, rehypeEmendationMarks } from './marks.ts';
import { apparatusUrl, doiHref, externalHref, keywordUrl } from './paths.ts';
import { fmt, type UiStrings } from './strings.ts';
import type { Edition, EntryView, Script } from './types.ts';

export const h = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
export const t = (value: string): ElementContent => ({ type: 'text', value });

/** hast → HTML (text escaped). */
export function toHtml(node: Root | Element | ElementContent[]): string {
  const root: Root = Array.isArray(node) ? { type: 'root', children: node } : node.type === 'root' ? node : { type: 'root', children: [node] };
  return unified().use(rehypeStringify).stringify(root);
}

/** Confidence as a percentage: `99.9%`, `95%`. */
export function percent(c: number): string {
  const p = Math.round(c * 1000) / 10;
  return `${p}%`;
}

/** A witness as text for display: indentation and the line end of removed lines dropped. */
export function displayWitness(w: string): string {
  return w.replace(/^[ \t\u3000]+/u, '').replace(/\r?\n$/u, '');
}

/** A private-use character: a byte pair of a mojibake run that decodes to no character. */
const PUA = /[\uE000-\uF8FF]/u;

/**
 * A witness as hast (text escaped): private-use characters, which fonts draw as empty boxes a
 * reader could take for the edition's □, are shown as their code in a small frame.
 */
export function witnessNodes(w: string, ui: UiStrings): ElementContent[] {
  const text = displayWitness(w);
  if (!PUA.test(text)) return [t(text)];
  const out: ElementContent[] = [];
  let run = '';
  for (const c of text) {
    if (!PUA.test(c)) {
      run += c;
      continue;
    }
    if (run) out.push(t(run));
    run = '';
    const hex = c.codePointAt(0)!.toString(16).toUpperCase();
    out.push(h('code', { className: ['pua'], title: fmt(ui.puaTitle, { cp: `U+${hex}` }) }, [t(hex)]));
  }
  if (run) out.push(t(run));
  return out;
}

/** The same as HTML, for the apparatus tables. */
export function witnessHtml(w: string, ui: UiStrings): string {
  return toHtml(witnessNodes(w, ui));
}

/** A reading as the apparatus shows it: a reading that is only whitespace made visible (␣). */
export function displayReading(r: string): string {
  return r !== '' && r.trim() === '' ? r.replace(/ /g, '␣').replace(/\u3000/g, '□') : r;
}

/** `U+FF0C` labels of a short string's characters. */
export function codePoints(s: string): string {
  return [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

interface Context {
  edition: Edition;
  ui: UiStrings;
  slug: string;
}

/** The mark (a link to the apparatus entry) and its preview, for an inline emendation. */
function markContent(e: EntryView, { ui, edition, slug }: Context): ElementContent[] {
  const tipId = `tip-${e.id}`;
  const kind = ui.kind[e.kind];
  return [
    h('a', {
      className: ['em-mark'],
      href: `${apparatusUrl(edition.script, slug)}#${e.id}`,
      ariaLabel: fmt(ui.markLabel, { id: e.id, kind }),
      ariaDescribedby: tipId,
      dataPagefindIgnore: '',
    }),
    h('span', { className: ['em-tip'], role: 'tooltip', id: tipId, dataPagefindIgnore: '' }, [
      h('strong', {}, [t(kind)]),
      t(` ${ui.markWitness}`),
      h('q', { lang: WITNESS_LANG, className: ['witness'] }, witnessNodes(e.witness, ui)),
      t(` → ${ui.markReading}`),
      h('q', { className: ['reading'] }, [t(e.shown)]),
      t(` · ${ui.markConfidence} ${percent(e.confidence)} · ${ui.markMore}`),
    ]),
  ];
}

function marksPlugin(ctx: Context) {
  const marks = marksByElement(ctx.edition.apparatus);
  return [
    rehypeEmendationMarks,
    {
      marks: new Map([...marks].map(([id, list]) => [id, list.map((e) => ({ start: e.place.start!, end: e.place.end!, entry: e }))])),
      render: (m: { entry: EntryView }) => markContent(m.entry, ctx),
      className: (m: { entry: EntryView }) => ['em', `em-${m.entry.kind}`],
    },
  ] as const;
}

/** Japanese quoted in the edition marked lang="ja" (its corner brackets when the article has kana). */
function japanesePlugin(ctx: Context) {
  return [rehypeJapanese, { cornerBrackets: quotesJapanese(ctx.edition.article) }] as const;
}

const isParagraphId = (id: string): boolean => /(?:^|-)p\d+$/u.test(id);

/** The article title as `<h1 id="title">`, with its marks. */
export function renderTitle(ctx: Context): string {
  const tree: Root = { type: 'root', children: [h('h1', { id: 'title' }, [t(ctx.edition.article.meta.title)])] };
  const p = unified().use(...marksPlugin(ctx)).use(...japanesePlugin(ctx));
  return toHtml(p.runSync(tree) as Root);
}

/** The abstract, one `<p id="abstract-N">` per printed paragraph, with marks. */
export function renderAbstract(ctx: Context): string {
  const abs = ctx.edition.article.abstract;
  if (abs === null) return '';
  const tree: Root = { type: 'root', children: abs.split('\n').map((part, i) => h('p', { id: `abstract-${i + 1}` }, [t(part)])) };
  const p = unified().use(...marksPlugin(ctx)).use(...japanesePlugin(ctx));
  return toHtml(p.runSync(tree) as Root);
}

/** The preview of a reference next to a citation: its entry as printed. */
function referencePreview(article: Article): (n: number) => ElementContent[] | null {
  const byNumber = new Map(article.references.map((r) => [r.number, r]));
  return (n) => {
    const r = byNumber.get(n);
    return r ? [t(r.raw)] : null;
  };
}

/** Notes after paragraphs that mention a figure or table the page lost. */
function missingFigures(tree: Root, article: Article, ui: UiStrings): void {
  const notes = new Map<string, string[]>();
  for (const m of article.figures.mentions) {
    if (!m.missing) continue;
    const list = notes.get(m.paragraph) ?? [];
    const line = fmt(ui.figureMissing, { label: m.label, what: m.kind === 'figure' ? ui.figure : ui.table });
    if (!list.includes(line)) list.push(line);
    notes.set(m.paragraph, list);
  }
  const visit = (node: Root | Element): void => {
    for (let i = 0; i < node.children.length; i++) {
      const child = node.children[i]!;
      if (child.type !== 'element') continue;
      const id = child.properties?.id;
      const list = typeof id === 'string' ? notes.get(id) : undefined;
      if (child.tagName === 'p' && list) {
        node.children.splice(i + 1, 0, ...list.map((line) => h('p', { className: ['figure-missing'], role: 'note' }, [t(line)])));
        i += list.length;
      } else visit(child);
    }
  };
  visit(tree);
}

/** The body: front paragraphs and sections, linked and marked. */
export function renderBody(ctx: Context): string {
  const { edition, ui } = ctx;
  const article = edition.article;
  const keywords = new Map(edition.keywords.map((k) => [k.text, keywordUrl(edition.script, k.slug)]));
  const processor = unified()
    .use(rehypeNoteRefs, { notes: article.endnotes.map((n) => n.number) })
    .use(rehypeCitations, { references: article.references.map((r) => r.number) })
    .use(rehypeKeywords, { keywords, firstOnly: true })
    .use(...marksPlugin(ctx))
    .use(rehypeCitationPreviews, { preview: referencePreview(article) })
    .use(rehypeAnchors, {
      symbol: '',
      label: (id: string) => fmt(isParagraphId(id) ? ui.permalink : ui.permalinkSection, { id }),
    })
    .use(...japanesePlugin(ctx));
  const tree = processor.runSync(bodyHast(article)) as Root;
  // Missing citations: a reader's title in the page's language.
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (Array.isArray(child.properties?.className) && child.properties.className.includes('citation-missing')) {
        child.properties = { ...child.properties, title: fmt(ui.citationMissing, { n: String(child.properties.dataRef) }) };
      }
      visit(child);
    }
  };
  visit(tree);
  // The notes' back-links, labelled in the page's language.
  const notes = tree.children.find((c): c is Element => c.type === 'element' && c.properties?.id === 'endnotes');
  const list = notes?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
  for (const li of list?.children ?? []) {
    if (li.type === 'element') labelBacklinks(li, ui.backToNote);
  }
  missingFigures(tree, article, ui);
  return toHtml(tree);
}

/** Label the back-links (`↩`) of a list item in the page's language: `返回第{k}处引用`. */
function labelBacklinks(li: Element, label: string): void {
  let k = 0;
  for (const c of li.children) {
    if (c.type === 'element' && c.tagName === 'a' && classes(c).includes('backlink')) {
      k++;
      c.properties = { ...c.properties, ariaLabel: fmt(label, { k }) };
    }
  }
}

/** Whether the article prints an English title or abstract: the page's `abstract-en` section. */
export function hasEnglishBlock(article: Article): boolean {
  return article.abstractEn !== null || article.titleEn !== null;
}

/**
 * Whether the page has a references section: always, but for an article that cites in its notes
 * (注释 ①…, as law journals do) and prints no reference list or heading at all.
 */
export function showsReferences(article: Article): boolean {
  return article.references.length > 0 || article.endnotes.length === 0 || article.warnings.some((w) => w.code === 'missing-references');
}

/** The reference list with back-links (labelled in the page's language), marks and safe outbound links. */
export function renderReferences(ctx: Context): string {
  const { edition, ui } = ctx;
  const refs = edition.article.references;
  if (refs.length === 0) return '';
  const list = referencesHast(refs);
  const byId = new Map<string, Reference>(refs.map((r) => [r.id, r]));
  for (const li of list.children) {
    if (li.type !== 'element') continue;
    labelBacklinks(li, ui.backToCitation);
    const r = byId.get(String(li.properties?.id));
    const out = r ? (doiHref(r.doi) ?? externalHref(r.url)) : null;
    if (out) {
      li.children.splice(1, 0, t(' '), h('a', { href: out, className: ['ref-out'], rel: ['noopener', 'noreferrer'] }, [t(r!.doi ? `DOI ${r!.doi}` : ui.referenceLink)]));
    }
  }
  const tree: Root = { type: 'root', children: [list] };
  return toHtml(unified().use(...marksPlugin(ctx)).use(...japanesePlugin(ctx)).runSync(tree) as Root);
}

/**
 * A GB/T 7714-2015 citation of the article, with the edition's URL when given ([J/OL]), and the
 * date it was cited (引用日期, `[2025-03-08]`, required of an online source) when given.
 */
export function citeArticle(article: Article, url: string | null, cited: string | null = null): string {
  const m = article.meta;
  const names = (m.authors?.value ?? []).map((n) => n.name);
  const authors = names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
  const parts: string[] = [];
  if (authors) parts.push(`${authors}. `);
  parts.push(`${m.title}${m.subtitle ? `：${m.subtitle}` : ''}[J${url ? '/OL' : ''}]. `);
  if (m.journal) {
    let where = m.journal.value;
    if (m.year) where += `, ${m.year.value}`;
    if (m.volume) where += `, ${m.volume.value}`;
    if (m.issue) where += `(${m.issue.value})`;
    if (m.pages) where += `: ${m.pages.value.first}-${m.pages.value.last}`;
    if (url && cited) where += `[${cited}]`;
    parts.push(`${where}.`);
  } else if (url && cited) parts.push(`[${cited}].`);
  if (url) parts.push(` ${url}.`);
  if (m.doi) parts.push(` DOI: ${m.doi.value}.`);
  return parts.join('');
}

/** A keyword's passages in an article: paragraphs (and abstract) containing it, as excerpts with it highlighted. */
export function keywordPassages(article: Article, keyword: string): Array<{ id: string; html: string; count: number }> {
  const out: Array<{ id: string; html: string; count: number }> = [];
  if (keyword === '') return out;
  const sources: Array<{ id: string; text: string }> = [];
  (article.abstract ?? '').split('\n').forEach((text, i) => sources.push({ id: `abstract-${i + 1}`, text }));
  const walk = (paras: Article['front']): void => paras.forEach((p) => sources.push({ id: p.id, text: p.text }));
  walk(article.front);
  const visit = (ss: Article['sections']): void =>
    ss.forEach((s) => {
      walk(s.paragraphs);
      visit(s.subsections);
    });
  visit(article.sections);
  for (const s of sources) {
    const first = s.text.indexOf(keyword);
    if (first < 0) continue;
    const count = s.text.split(keyword).length - 1;
    const from = Math.max(0, first - 30);
    const to = Math.min(s.text.length, first + keyword.length + 60);
    const excerpt = `${from > 0 ? '…' : ''}${s.text.slice(from, to)}${to < s.text.length ? '…' : ''}`;
    const tree: Root = { type: 'root', children: [h('span', {}, [t(excerpt)])] };
    const done = unified().use(rehypeKeywords, { keywords: new Map([[keyword, null]]) }).runSync(tree) as Root;
    const span = done.children[0] as Element;
    out.push({ id: s.id, html: toHtml(span.children), count });
  }
  return out;
}


/** Reader's labels of the paragraphs (`开篇第2段`, `一（二）第3段`) and abstract paragraphs, by id. */
export function paragraphLabels(article: Article, ui: UiStrings): Map<string, string> {
  const out = new Map<string, string>();
  (article.abstract ?? '').split('\n').forEach((_, i) => out.set(`abstract-${i + 1}`, ui.abstract));
  article.front.forEach((p, i) => out.set(p.id, fmt(ui.placeFront, { n: i + 1 })));
  const visit = (sections: Article['sections'], path: string): void => {
    for (const s of sections) {
      const label = path + (s.numbering.label !== '' ? s.numbering.label.replace(/[、.．]$/u, '') : `“${s.title.slice(0, 8)}”`);
      s.paragraphs.forEach((p, i) => out.set(p.id, fmt(ui.placeSection, { section: label, n: i + 1 })));
      visit(s.subsections, label);
    }
  };
  visit(article.sections, '');
  return out;
}
