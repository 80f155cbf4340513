// The damage simulator: turns a clean simplified article into a page of the content-farm family,
// layer by layer (furniture, char-by-char traditional script, pinyin tags, lost no-break spaces,
// byte-level mojibake runs, the partial NFKC), seeded and deterministic, and records for every
// run the clean span it damaged so a repair can be scored against the truth.

import { addFurniture, renderLines, type CleanArticle, type FurnitureOptions, type PageLineRole } from './furniture.ts';
import { misalignRuns, type MisalignOptions, type SimulatedRun, type Span } from './misalign.ts';
import { addPinyinTags, chooseTags, type ChooseTagsOptions } from './pinyin.ts';
import { rngFor } from './prng.ts';
import { KEPT_BY_PAGE_TABLE, toTraditionalChar } from './script.ts';
import { TracedBuilder, cleanSpanOf, mapChars, traceClean, type Traced } from './traced.ts';
import { foldWidth, loseSpaces, markNoBreakSpaces } from './width.ts';

export { addFurniture, keywordsOf, parseCleanEdition, renderLines } from './furniture.ts';
export type { CleanArticle, PageLine, PageLineRole } from './furniture.ts';
export { MISALIGN_DEFAULTS, misalignRuns, randomDecider, simulateRun } from './misalign.ts';
export type { MisalignOptions, ReadUnit, RunDecider, RunEnd, RunFeatures, RunStart, SimulatedRun, SimulateRunOptions, Span } from './misalign.ts';
export { addPinyinTags, chooseTags, isTaggable, readingsOf } from './pinyin.ts';
export { createRng, rngFor, type Rng } from './prng.ts';
export { KEPT_BY_PAGE_TABLE, convertCharByChar, toTraditionalChar } from './script.ts';
export { foldWidth, loseSpaces, markNoBreakSpaces } from './width.ts';
export { cleanSpanOf, traceClean, type Traced } from './traced.ts';

export interface SimulateOptions {
  /** Surround the article with the site's furniture. Default true; false gives a body-only page. */
  furniture?: boolean;
  /** Which pinyin tags the page gets. `map` fixes them; otherwise they are drawn (see ChooseTagsOptions). */
  tags?: ChooseTagsOptions & { map?: ReadonlyMap<string, string> };
  /** The mojibake runs (count, lengths, and the odds of each variant). */
  misalign?: MisalignOptions;
  /** Characters the per-character table leaves unconverted. Default: KEPT_BY_PAGE_TABLE. */
  keep?: ReadonlySet<string>;
  /** Whether runs may fall in the title as well as the other article lines. Default true. */
  runsInTitle?: boolean;
}

export interface PageRun extends SimulatedRun {
  /** The clean simplified text the run damaged (`clean.slice(run.clean.start, run.clean.end)`). */
  truth: string;
  /** Where the truth stands in the expected edition text, or null if outside the article. */
  edition: Span | null;
}

export interface SimulatedPage {
  seed: number;
  /** The damaged page, as the family's files hold it. */
  page: string;
  /** The clean page: same layout and furniture, simplified, before any damage. Runs' `clean` spans point here. */
  clean: string;
  /** The expected edition: the article's lines (title first) joined by newlines. */
  edition: string;
  runs: PageRun[];
  /** The tagged character types and the reading each shows. */
  tags: Map<string, string>;
  /** Every line of the page: its role and where it stands in the page, the clean page and the edition. */
  lines: Array<{ role: PageLineRole; page: Span; clean: Span; edition: Span | null }>;
  /** For every UTF-16 unit of `page`, the clean span it stands for (-1 for tags and other insertions). */
  trace: { from: number[]; to: number[] };
}

function slice(t: Traced, start: number, end: number): Traced {
  return { text: t.text.slice(start, end), from: t.from.slice(start, end), to: t.to.slice(start, end) };
}

/** Damages a clean article into a page. Same article, seed and options → same page. */
export function simulatePage(article: CleanArticle, seed: number, options: SimulateOptions = {}): SimulatedPage {
  const furniture = options.furniture ?? true;
  const keep = options.keep ?? KEPT_BY_PAGE_TABLE;
  const fo: FurnitureOptions = { bodyOnly: !furniture };
  const layout = addFurniture(article, rngFor(seed, 'furniture'), fo);
  const clean = renderLines(layout) + (furniture ? '' : '\n');
  const cleanTraced = traceClean(clean);

  // Clean line spans, and the edition offsets of article lines.
  const lineSpans: Span[] = [];
  let at = 0;
  for (const l of layout) {
    const len = (l.indent && l.text !== '' ? 8 : 0) + l.text.length;
    lineSpans.push({ start: at, end: at + len });
    at += len + 1;
  }
  const editionStart = new Map<number, number>();
  let ed = 0;
  article.lines.forEach((l, n) => {
    editionStart.set(n, ed);
    ed += l.length + 1;
  });
  const edition = article.lines.join('\n');

  // Layer 2 (script) per damaged line; layer 3 (tags) chosen over the whole converted page.
  const converted: Traced[] = layout.map((l, n) => {
    const s = lineSpans[n] as Span;
    const t = slice(cleanTraced, s.start, s.end);
    if (!l.damaged) return t;
    const indent = l.indent && l.text !== '' ? 8 : 0;
    const lb = new TracedBuilder();
    lb.append(slice(t, 0, indent));
    lb.append(mapChars(markNoBreakSpaces(slice(t, indent, t.text.length)), (ch) => toTraditionalChar(ch, keep)));
    return lb.build();
  });
  const tags = new Map(
    options.tags?.map ??
      chooseTags(
        converted.filter((_, n) => layout[n]?.damaged).map((t) => t.text).join('\n'),
        rngFor(seed, 'tags'),
        options.tags,
      ),
  );
  const b = new TracedBuilder();
  const allowed: Span[] = [];
  layout.forEach((l, n) => {
    if (n > 0) b.push('\n', (lineSpans[n - 1] as Span).end, (lineSpans[n - 1] as Span).end + 1);
    const t = l.damaged ? addPinyinTags(converted[n] as Traced, tags) : (converted[n] as Traced);
    const start = b.length;
    b.append(t);
    if (l.articleLine !== undefined && (l.role === 'article' || (options.runsInTitle ?? true))) {
      allowed.push({ start: start + (l.indent ? 8 : 0), end: b.length });
    }
  });
  if (!furniture) b.push('\n', clean.length - 1, clean.length);

  // Layers 5, 4 and the final partial NFKC.
  const spaced = loseSpaces(b.build());
  const { text: misread, runs } = misalignRuns(spaced, rngFor(seed, 'runs'), { ...options.misalign, allowed });
  const final = foldWidth(misread);
  const page = final.text;

  // Lines of the page (runs never take a newline, so the page has the layout's lines).
  const pageLines = (furniture ? page : page.slice(0, -1)).split('\n');
  if (pageLines.length !== layout.length) throw new Error('simulator bug: line count changed');
  const lines: SimulatedPage['lines'] = [];
  let p = 0;
  layout.forEach((l, n) => {
    const len = (pageLines[n] as string).length;
    const cs = lineSpans[n] as Span;
    const es = l.articleLine !== undefined ? (editionStart.get(l.articleLine) ?? null) : null;
    lines.push({
      role: l.role,
      page: { start: p, end: p + len },
      clean: cs,
      edition: es === null ? null : { start: es, end: es + l.text.length },
    });
    p += len + 1;
  });

  const toEdition = (cleanOffset: number, bias: 'start' | 'end'): number | null => {
    for (const ln of lines) {
      if (!ln.edition) continue;
      const textStart = ln.clean.end - (ln.edition.end - ln.edition.start);
      if (cleanOffset >= textStart && (bias === 'start' ? cleanOffset < ln.clean.end : cleanOffset <= ln.clean.end)) {
        return ln.edition.start + (cleanOffset - textStart);
      }
    }
    return null;
  };
  const pageRuns: PageRun[] = runs.map((r) => {
    const s = toEdition(r.clean.start, 'start');
    const e = toEdition(r.clean.end, 'end');
    return {
      ...r,
      witness: page.slice(r.page.start, r.page.end),
      undamaged: foldWidth(r.undamaged),
      truth: clean.slice(r.clean.start, r.clean.end),
      edition: s === null || e === null ? null : { start: s, end: e },
    };
  });

  return { seed, page, clean, edition, runs: pageRuns, tags, lines, trace: { from: final.from, to: final.to } };
}

/** The clean text a span of the page stands for (tags and other insertions stand for nothing). */
export function truthFor(sim: SimulatedPage, span: Span): string {
  const cs = cleanSpanOf({ text: sim.page, from: sim.trace.from, to: sim.trace.to }, span.start, span.end);
  return cs ? sim.clean.slice(cs.start, cs.end) : '';
}
