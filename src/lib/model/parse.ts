// Parses the repaired edition (simplified text + page furniture) into the zh-Hans article model.
// It reads the simplified text once; it never converts scripts (script.ts does, from this
// model), never changes the edition text and never guesses a value the page does not give or
// determine.

import type { RepairResult } from '../repair/types.ts';
import { citationId, findCitations, referenceId } from './citations.ts';
import {
  abstractLine,
  catalogueLine,
  decodeArticleNumber,
  editorLine,
  englishAbstractLine,
  englishKeywordLine,
  issnCheckDigit,
  journalIssueLine,
  keywordLine,
  noteLine,
  postedLine,
  relatedSourceLine,
  type CatalogueLine,
} from './front.ts';
import { looksLikeNames, personName, splitNames } from './names.ts';
import { splitGluedNames } from './surnames.ts';
import { matchNumbering, numberedHeading, styleRank, unnumberedHeading, type HeadingLine, type HeadingMatch } from './numbering.ts';
import { endnoteId, endnoteLine, findNoteMarkers, lostLabelLine, noteRefId, NOTES_HEADING } from './endnotes.ts';
import { entryNumber, parseReference, REFERENCES_HEADING } from './references.ts';
import type {
  Article,
  ArticleMeta,
  Citation,
  Endnote,
  Field,
  FigureCaption,
  FigureMention,
  FrontNote,
  NoteRef,
  Paragraph,
  PersonName,
  Place,
  Reference,
  RelatedTitle,
  Section,
  Warning,
  WarningCode,
  WarningDataByCode,
} from './types.ts';


/** A line of an English title or byline: Latin letters, no Chinese. */
const ENGLISH_LINE = /^(?=.*[A-Za-z]{2})[^\p{Script=Han}]{3,}$/u;
/** The codes of a metadata field the page neither states nor determines. */
type MissingFieldCode =
  | 'missing-journal'
  | 'missing-year'
  | 'missing-issue'
  | 'missing-issn'
  | 'missing-pages'
  | 'missing-clc'
  | 'missing-document-code'
  | 'missing-article-number';

export interface ParseOptions {
  /** The article's slug on the site. */
  slug?: string;
}

const stated = <T>(value: T, how: string): Field<T> => ({ value, provenance: 'stated', how });
const derived = <T>(value: T, how: string): Field<T> => ({ value, provenance: 'derived', how });

const CAPTION = /^([图表])\s*(\d{1,2})(?!\d)[\s\u3000:：.．]*(.*)$/u;
const MAX_CAPTION = 40;
/**
 * The title of an algorithm, a listing, a worked example or a theorem, numbered (算法1, 例2, 定理1,
 * 证法3), or a proof's or a solution's label (证明 因为…): a block of its section, not a heading.
 */
const BLOCK_TITLE = /^(?:(?:算法|程序|代码|清单|例|定理|引理|推论|命题|定义|证法|解法|变式)\s*\d{1,2}(?!\d)|(?:证明|解|证)(?=[\s：:]))/u;
/** `如图1所示`, `见表2`, `（图1）`: a figure or table mention (not `代表1` or `地图2`). */
const MENTION = /(?:(?<=如|见|参见|详见|由|据|从|按)|(?<![\p{Script=Han}]))([图表])\s*(\d{1,2})(?![\d年月日期])/gu;

/** Headings that read like a two-character name but are not one. */
const SECTION_WORDS = /^(?:引言|前言|导言|导论|绪论|序言|结语|结论|结束语|小结|余论|附录|后记|摘要|问题)$/u;
/** `（宁夏党校 科研部，宁夏 银川 750021）`: an affiliation line in parentheses. */
const AFFILIATION = /^[（(][^（）()]*(?:\d{6}|大学|学院|党校|研究所|研究院|研究中心|中心|委员会|局|厅)[^（）()]*[）)]$/u;

/** Affiliation marks after a name in a byline: `赵志远1，刘 敏2`, `张三1,2*`. */
const AFFILIATION_MARKS = /(?<=\p{Script=Han})\d{1,2}(?:[,，]\d{1,2})*\*?(?=[，,、;；\s]|$)/gu;
const withoutMarks = (line: string): string => line.replace(AFFILIATION_MARKS, '');

/**
 * Whether the line under the title is the author line: it reads as names, is not a heading word,
 * and is confirmed by what follows (an affiliation or a labelled front-matter line), by naming
 * several people, or by the site's repeated byline.
 */
function isAuthorLine(printed: string, next: string, furniture: RepairResult['furniture']): boolean {
  const line = withoutMarks(printed);
  if (SECTION_WORDS.test(line.replace(/[\s\u3000]+/gu, ''))) return false;
  if (abstractLine(line) !== null || keywordLine(line) !== null || numberedHeading(line) !== null) return false;
  if (!looksLikeNames(line, { maxHan: 4 })) return false;
  if (AFFILIATION.test(next)) return true;
  if (abstractLine(next) !== null || keywordLine(next) !== null || catalogueLine(next) !== null || noteLine(next) !== null) {
    return true;
  }
  if (splitNames(line).names.length >= 2) return true;
  const names = splitNames(line).names.map((n) => n.name).join();
  return furniture.some(
    (f) => (f.role === 'byline' || f.role === 'posted-byline') && f.reading.replace(/[\s\u3000]+/gu, '').endsWith(names.replace(/,/g, '')),
  );
}

interface OpenSection {
  rank: number;
  section: Section;
}

/** Parse the repaired edition into the zh-Hans article model. */
export function parseArticle(repair: RepairResult, options: ParseOptions = {}): Article {
  const warnings: Warning[] = [];
  const warn = <C extends WarningCode>(code: C, message: string, place: Place, data: WarningDataByCode[C]): void => {
    warnings.push({ code, message, place, data } as Warning);
  };

  const lines = repair.text.split('\n').map((text, line) => ({ text: text.trim(), line }));
  const content = lines.filter((l) => l.text !== '');

  // Title, subtitle, author line.
  let at = 0;
  const titleLine = content[at];
  const title = titleLine?.text ?? '';
  if (titleLine) at++;
  else warn('missing-title', 'The edition has no title line.', { id: 'meta.title' }, {});
  let subtitle: string | null = null;
  const sub = content[at];
  if (sub && /^[—–-]{1,2}/u.test(sub.text)) {
    subtitle = sub.text.replace(/^[—–-]+\s*/u, '');
    at++;
  }
  let textAuthors: { names: PersonName[]; line: number } | null = null;
  const notes: FrontNote[] = [];
  const byl = content[at];
  const next = content[at + 1];
  // The affiliation stands under the author line: the article's own, or the site's repeated one,
  // which the repair took out as furniture.
  let underAuthors: { text: string; line: number } | undefined;
  if (byl && isAuthorLine(byl.text, next?.text ?? '', repair.furniture ?? [])) {
    textAuthors = { names: splitNames(withoutMarks(byl.text)).names, line: byl.line };
    at++;
    underAuthors = next;
  } else if ((repair.furniture ?? []).some((f) => f.role === 'byline')) {
    underAuthors = byl;
  }
  if (underAuthors && AFFILIATION.test(underAuthors.text)) {
    notes.push({ label: '作者单位', text: underAuthors.text.replace(/^[（(]\s*|\s*[）)]$/gu, ''), line: underAuthors.line });
    at++;
  }

  let abstract: string | null = null;
  let abstractEn: string | null = null;
  let titleEn: string | null = null;
  let bylineEn: string[] = [];
  let abstractLabelAlone = false;
  let keywords: string[] | null = null;
  let keywordsEn: string[] = [];
  const catalogue: CatalogueLine = {};
  let editor: PersonName | null = null;
  const front: Paragraph[] = [];
  const sections: Section[] = [];
  const captions: FigureCaption[] = [];
  const paragraphs: Paragraph[] = [];
  const references: Reference[] = [];
  let sawReferencesHeading = false;
  let inReferences = false;
  const endnotes: Endnote[] = [];
  let endnotesHeading: string | null = null;
  let inNotes = false;
  const stack: OpenSection[] = [];

  /** Where each paragraph stands among the content lines, to tell a run of them from scattered ones. */
  const lineIndex = new Map<Paragraph, number>();
  let current = -1;
  const addParagraph = (text: string, line: number): void => {
    const open = stack[stack.length - 1]?.section;
    const list = open ? open.paragraphs : front;
    const id = open ? `${open.id}-p${list.length + 1}` : `p${list.length + 1}`;
    const p: Paragraph = { id, text, line };
    list.push(p);
    paragraphs.push(p);
    lineIndex.set(p, current);
  };
  /**
   * The English title and byline printed right before `Abstract:` (Effects of…, ZHAO Yuxin, LIU
   * Jianguo, (School of…)): the lines without Chinese just taken for paragraphs are taken back.
   */
  const takeEnglishHead = (): string[] => {
    const open = stack[stack.length - 1]?.section;
    const list = open ? open.paragraphs : front;
    const taken: string[] = [];
    for (let want = current - 1; list.length > 0; want--) {
      const last = list[list.length - 1]!;
      if (lineIndex.get(last) !== want || !ENGLISH_LINE.test(last.text) || paragraphs[paragraphs.length - 1] !== last) break;
      taken.unshift(last.text);
      list.pop();
      paragraphs.pop();
    }
    return taken;
  };

  const usedSectionIds = new Set<string>();
  const headingLines = content.map((l) => numberedHeading(l.text)).filter((h) => h !== null);
  // An article numbered 1. / 2.1 / 2.1.1 (GB/T 1.1's way): `2.` is the first level of `2.1`.
  const decimalArticle =
    headingLines.some((h) => h.numbering?.style === 'decimal' && h.numbering.path.length >= 2) &&
    !headingLines.some((h) => h.numbering?.style === 'cn-comma');
  const rankOf = (h: HeadingLine): number => (decimalArticle && h.numbering?.style === 'arabic-dot' ? 1 : styleRank(h.numbering));
  // Whether the article numbers its top-level sections (一、二、): then an unnumbered one (引言
  // before 一、, 结语 after 四、) takes the number around it, s0 or s5, and leaves s1 to 一、.
  const numberedTop = headingLines.some((h) => rankOf(h) === 1);
  /**
   * The style each label shape last had, by shape and by whether the heading stood alone or ran
   * into its paragraph: a label whose number was lost (（□）) takes it. （□）字理溯源 on its own
   * line after the run-in items （1）（2）（3）加强… is the next （一）-style heading, （五）.
   */
  const styleByShape = new Map<string, HeadingMatch['style']>();
  const shapeOf = (m: HeadingMatch): string => (m.style === 'cn-paren' || m.style === 'arabic-paren' ? '()' : m.style);
  const addSection = (found: HeadingLine, line: number): void => {
    let h = found;
    const lost = h.numbering?.lost === true;
    if (h.numbering) {
      const shape = shapeOf(h.numbering);
      const kind = `${shape} ${h.runIn === null ? 'alone' : 'run-in'}`;
      if (lost) h = { ...h, numbering: { ...h.numbering, style: styleByShape.get(kind) ?? styleByShape.get(shape) ?? h.numbering.style } };
      else styleByShape.set(shape, h.numbering.style).set(kind, h.numbering.style);
    }
    const rank = rankOf(h);
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const parent = stack[stack.length - 1]?.section ?? null;
    const siblings = parent ? parent.subsections : sections;
    let value = h.numbering ? h.numbering.path[h.numbering.path.length - 1]! : null;
    if (lost) {
      // The number the siblings before it imply; the label still prints the □.
      const prev = [...siblings].reverse().find((s) => s.numbering.style === h.numbering!.style);
      value = prev?.numbering.value != null ? prev.numbering.value + 1 : 1;
    }
    let ordinal = siblings.length + 1;
    if (value === null && !parent && numberedTop) {
      const lastNumbered = [...siblings].reverse().find((sib) => sib.numbering.value !== null);
      ordinal = lastNumbered ? lastNumbered.numbering.value! + 1 : 0;
    }
    let id = `${parent ? `${parent.id}-` : 's'}${value ?? ordinal}`;
    if (lost) {
      warn('section-numbering', `Heading “${h.heading}” lost its number in the damaged page; it is taken as ${value}.`, { id, line }, {
        heading: h.heading,
        repeated: false,
        number: null,
        expected: value,
      });
    } else if (h.numbering) {
      const prev = [...siblings].reverse().find((s) => s.numbering.style === h.numbering!.style);
      const expected = prev?.numbering.value != null ? prev.numbering.value + 1 : 1;
      // Science journals number the introduction 0 (0 引言, GB/T 7713's way), then 1, 2, ….
      const zeroIntroduction = prev === undefined && value === 0 && h.numbering.style === 'decimal';
      if (value !== expected && !zeroIntroduction) {
        warn(
          'section-numbering',
          `Heading “${h.heading}” is numbered ${value} where ${expected} was expected.`,
          { id, line },
          { heading: h.heading, repeated: false, number: value, expected },
        );
      }
    } else {
      warn('unnumbered-section', `Heading “${h.heading}” has no number; its id counts siblings.`, {
        id,
        line,
      }, { heading: h.heading });
    }
    if (usedSectionIds.has(id)) {
      let k = 2;
      while (usedSectionIds.has(`${id}_${k}`)) k++;
      warn('section-numbering', `Heading “${h.heading}” repeats the number of an earlier one.`, {
        id: `${id}_${k}`,
        line,
      }, { heading: h.heading, repeated: true, number: value, expected: null });
      id = `${id}_${k}`;
    }
    usedSectionIds.add(id);
    const section: Section = {
      id,
      depth: (parent?.depth ?? 0) + 1,
      numbering: {
        style: h.numbering?.style ?? 'none',
        label: h.numbering?.label ?? '',
        value,
      },
      heading: h.heading,
      title: h.title,
      line,
      paragraphs: [],
      subsections: [],
    };
    siblings.push(section);
    stack.push({ rank, section });
    if (h.runIn) addParagraph(h.runIn, line);
  };

  const rest = content.slice(at);
  /** The label of the paragraph just added, when it opens with one (an item of a list). */
  let lastItem: { style: HeadingMatch['style']; number: number } | null = null;
  for (let k = 0; k < rest.length; k++) {
    const { text, line } = rest[k]!;
    current = k;
    if (inNotes) {
      const note = endnoteLine(text) ?? lostLabelLine(text, endnotes[endnotes.length - 1]!.number);
      if (note) {
        endnotes.push({ id: endnoteId(note.number), ...note, line, citedBy: [] });
        continue;
      }
      inNotes = false;
    }
    // `注释：` opens the notes when a circled number follows it, else (`[1] …`) the references.
    if (NOTES_HEADING.test(text) && endnoteLine(rest[k + 1]?.text ?? '') !== null) {
      inNotes = true;
      inReferences = false;
      endnotesHeading = text.replace(/[：:\s]+$/u, '');
      continue;
    }
    if (inReferences) {
      const entry = entryNumber(text);
      if (entry && editorLine(text) === null) {
        const parsed = parseReference(entry.body);
        references.push({
          id: referenceId(entry.number),
          number: entry.number,
          raw: text,
          ...parsed,
          line,
          citedBy: [],
        });
        continue;
      }
      inReferences = false;
    }
    if (REFERENCES_HEADING.test(text)) {
      inReferences = true;
      sawReferencesHeading = true;
      continue;
    }
    let abs = abstractLine(text);
    if (abs === '') {
      // `摘要：` alone on its line: the abstract is the line after it.
      abstractLabelAlone = true;
      continue;
    }
    if (abs === null && abstractLabelAlone) {
      abstractLabelAlone = false;
      if (keywordLine(text) === null && numberedHeading(text) === null && catalogueLine(text) === null) abs = text;
    }
    if (abs !== null) {
      abstract = abstract === null ? abs : `${abstract}\n${abs}`;
      continue;
    }
    const kw = keywordLine(text);
    if (kw !== null) {
      keywords = [...(keywords ?? []), ...kw];
      continue;
    }
    const absEn = englishAbstractLine(text);
    if (absEn !== null) {
      abstractEn = absEn;
      const head = takeEnglishHead();
      if (head.length > 0) {
        titleEn = head[0]!;
        bylineEn = head.slice(1);
      }
      continue;
    }
    const kwEn = englishKeywordLine(text);
    if (kwEn !== null) {
      keywordsEn = kwEn;
      continue;
    }
    const cat = catalogueLine(text);
    if (cat !== null) {
      Object.assign(catalogue, cat);
      continue;
    }
    const note = noteLine(text);
    if (note !== null) {
      notes.push({ ...note, line });
      continue;
    }
    const ed = editorLine(text);
    if (ed !== null) {
      editor = personName(ed);
      continue;
    }
    const cap = CAPTION.exec(text);
    if (cap && text.length <= MAX_CAPTION && !/[。，]/u.test(text)) {
      captions.push({ kind: cap[1] === '图' ? 'figure' : 'table', number: Number(cap[2]), caption: cap[3]!.trim(), line });
      continue;
    }
    // An algorithm's, a theorem's or a proof's title (算法1 两阶段检索与结构重排, 证明 因为)
    // opens a block of the section it stands in, and heads no section of its own.
    if (BLOCK_TITLE.test(text)) {
      addParagraph(text, line);
      lastItem = null;
      continue;
    }
    // An item of a list of paragraphs ((1)…。(2)…。) is no heading however short it is: a line
    // that numbers on from the item paragraph just before it, in the same style, is the next item.
    const label = matchNumbering(text);
    const item = label !== null && lastItem !== null && label.style === lastItem.style && label.path[0] === lastItem.number + 1;
    const heading = item ? null : (numberedHeading(text) ?? unnumberedHeading(text));
    if (heading) {
      addSection(heading, line);
      lastItem = null;
      continue;
    }
    addParagraph(text, line);
    lastItem = label !== null && label.style !== 'decimal' && !label.lost ? { style: label.style, number: label.path[0]! } : null;
  }

  // References: numbering, then citations resolved against them.
  const refByNumber = new Map<number, Reference>();
  references.forEach((ref, i) => {
    if (refByNumber.has(ref.number)) {
      warn('reference-numbering', `Reference [${ref.number}] is numbered twice; the first is linked.`, {
        id: ref.id,
        line: ref.line,
      }, { number: ref.number, repeated: true, position: null });
    } else {
      refByNumber.set(ref.number, ref);
    }
    if (ref.number !== i + 1) {
      warn('reference-numbering', `Reference [${ref.number}] stands in place ${i + 1} of the list.`, {
        id: ref.id,
        line: ref.line,
      }, { number: ref.number, repeated: false, position: i + 1 });
    }
    if (ref.title === null) {
      warn('reference-unparsed', `Reference [${ref.number}] could not be parsed; it is kept as printed.`, {
        id: ref.id,
        line: ref.line,
      }, { number: ref.number });
    }
  });

  const citations: Citation[] = [];
  const counts = new Map<number, number>();
  // The notes come after the body in reading order, and cite too (参见文献[2]).
  for (const p of [...paragraphs, ...endnotes]) {
    for (const m of findCitations(p.text)) {
      const anchors = m.refs.map((ref) => {
        const k = (counts.get(ref) ?? 0) + 1;
        counts.set(ref, k);
        const id = citationId(ref, k);
        const target = refByNumber.get(ref);
        if (target) target.citedBy.push(id);
        else {
          warn('citation-missing-reference', `Citation ${m.marker} points to reference [${ref}], which the list lacks.`, {
            id: p.id,
            offset: m.start,
            line: p.line,
          }, { marker: m.marker, number: ref });
        }
        return { ref, id, resolved: target !== undefined };
      });
      citations.push({ marker: m.marker, paragraph: p.id, start: m.start, end: m.end, refs: m.refs, anchors });
    }
  }
  // Markers pointing to the notes.
  const noteRefs: NoteRef[] = [];
  const byNote = new Map(endnotes.map((n) => [n.number, n]));
  const noteNumbers = new Set(byNote.keys());
  for (const p of paragraphs) {
    for (const m of findNoteMarkers(p.text, noteNumbers)) {
      const note = byNote.get(m.note)!;
      const id = noteRefId(m.note, note.citedBy.length + 1);
      note.citedBy.push(id);
      noteRefs.push({ note: m.note, id, paragraph: p.id, start: m.start, end: m.end });
    }
  }
  for (const ref of refByNumber.values()) {
    if (ref.citedBy.length === 0) {
      warn('reference-not-cited', `Reference [${ref.number}] is never cited in the text.`, {
        id: ref.id,
        line: ref.line,
      }, { number: ref.number });
    }
  }
  // Law journals cite in their notes (注释 ①…) and print no reference list: nothing is missing then.
  if (references.length === 0 && (sawReferencesHeading || endnotes.length === 0)) {
    warn(
      'missing-references',
      sawReferencesHeading
        ? 'The reference heading is followed by no entries.'
        : 'The edition has no reference list (参考文献).',
      { id: 'references' },
      { empty: sawReferencesHeading },
    );
  }

  // Figures and tables mentioned in the text but absent from the page.
  const mentions: FigureMention[] = [];
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(MENTION)) {
      const kind = m[1] === '图' ? 'figure' : 'table';
      const number = Number(m[2]);
      const missing = !captions.some((c) => c.kind === kind && c.number === number);
      const start = m.index;
      mentions.push({ kind, number, label: m[0], paragraph: p.id, start, end: start + m[0].length, missing });
      if (missing) {
        warn('missing-figure', `${m[0]} is referred to, but the page has no ${kind} ${number}.`, {
          id: p.id,
          offset: start,
          line: p.line,
        }, { label: m[0], kind, number });
      }
    }
  }

  if (sections.length === 0) {
    warn('missing-sections', 'The edition has no section headings; all paragraphs are front matter.', {
      id: 'sections',
    }, {});
  }
  if (abstract === null) warn('missing-abstract', 'The edition has no abstract (摘要).', { id: 'abstract' }, {});

  // Furniture: the site's lines that carry metadata, and the related-titles list.
  const furniture = repair.furniture ?? [];
  const journalIssue = furniture
    .filter((f) => f.role === 'journal-issue')
    .map((f) => ({ f, parsed: journalIssueLine(f.reading) }))
    .find((x) => x.parsed !== null);
  const posted = furniture
    .filter((f) => f.role === 'posted-byline')
    .map((f) => postedLine(f.reading))
    .find((x) => x !== null);
  const bylineFurniture = furniture.find((f) => f.role === 'byline');
  const siteKeywords = furniture.find((f) => f.role === 'site-keywords');

  const related: RelatedTitle[] = [];
  let inRelated = false;
  for (const f of furniture) {
    if (f.role === 'related-heading') inRelated = true;
    else if (f.role === 'related-title') {
      related.push({ title: f.reading.trim(), journal: null, issueLabel: null, year: null, issue: null, date: null, time: null });
      inRelated = true;
    } else if (f.role === 'related-source' && inRelated) {
      const last = related[related.length - 1];
      const src = relatedSourceLine(f.reading);
      if (last && src && last.journal === null && last.date === null) Object.assign(last, src);
    }
  }

  // Metadata, each field with its provenance.
  const meta: ArticleMeta = {
    title,
    subtitle,
    authors: null,
    journal: null,
    year: null,
    volume: null,
    issue: null,
    issn: null,
    pages: null,
    clc: null,
    documentCode: null,
    articleNumber: null,
    doi: null,
  };
  /** The site's author list: glued names (王建国李明华张伟) split at common surnames, as a derived field. */
  const siteAuthors = (text: string, how: string): Field<PersonName[]> => {
    const names = splitNames(text).names;
    const only = names.length === 1 ? names[0]!.name : '';
    const glued = /^\p{Script=Han}{5,}$/u.test(only) ? splitGluedNames(only) : null;
    if (glued) return derived(glued.map(personName), `${how}, where the names stand glued: split where each begins with a common surname`);
    return stated(names, how);
  };
  if (textAuthors) meta.authors = stated(textAuthors.names, 'the author line under the title');
  else if (bylineFurniture && splitNames(bylineFurniture.reading).names.length > 0) {
    meta.authors = siteAuthors(bylineFurniture.reading, 'the author line the site repeats above the abstract');
  } else if (posted && posted.rest !== '') {
    meta.authors = siteAuthors(posted.rest, "the site's posting line, after its timestamp");
  }
  if (!meta.authors) warn('missing-authors', 'The page names no author.', { id: 'meta.authors' }, {});

  const ji = journalIssue?.parsed ?? null;
  const jiHow = journalIssue ? `the site's journal and issue line “${journalIssue.f.reading}”` : '';
  if (ji) {
    meta.journal = stated(ji.journal, jiHow);
    meta.year = stated(ji.year, jiHow);
    meta.issue = stated(ji.issue, jiHow);
    if (ji.volume !== null) meta.volume = stated(ji.volume, jiHow);
  }
  if (catalogue.clc) meta.clc = stated(catalogue.clc, 'the 中图分类号 line');
  if (catalogue.documentCode) meta.documentCode = stated(catalogue.documentCode, 'the 文献标志码 line');
  if (catalogue.doi) meta.doi = stated(catalogue.doi, 'the DOI line');
  if (catalogue.issn) meta.issn = stated(catalogue.issn.replace(/\s+/g, ''), 'the ISSN line');
  if (catalogue.articleNumber) {
    const printed = catalogue.articleNumber.replace(/\s+/g, '');
    meta.articleNumber = stated(printed, 'the 文章编号 line');
    const an = decodeArticleNumber(printed);
    if (!an) {
      warn('article-number-unreadable', `The article number ${printed} does not follow ISSN(year)issue-page-count; nothing is derived from it.`, {
        id: 'meta.articleNumber',
      }, { articleNumber: printed });
    } else {
      const how = (what: string): string =>
        `${what} of the article number ${printed} (文章编号 = ISSN(year)issue-first page-page count)`;
      const check = <T>(key: 'year' | 'issue' | 'issn', value: T, what: string): void => {
        const have = meta[key] as Field<T> | null;
        if (have === null) (meta[key] as Field<T>) = derived(value, how(what));
        else if (have.value !== value) {
          warn('metadata-conflict', `The ${key} ${String(have.value)} (${have.how}) disagrees with ${String(value)} in the article number ${printed}; the printed one is kept.`, {
            id: `meta.${key}`,
          }, { field: key, printed: String(have.value), derived: String(value), articleNumber: printed });
        }
      };
      check('issn', an.issn, 'the first part');
      check('year', an.year, 'the part in parentheses');
      check('issue', an.issue, 'the part after the year');
      const last = an.firstPage + an.pageCount - 1;
      meta.pages = derived(
        { first: an.firstPage, last, count: an.pageCount },
        `${how('first page and page count')}: ${an.firstPage} + ${an.pageCount} − 1 = ${last}`,
      );
    }
  }
  if (meta.issn) {
    const c = issnCheckDigit(meta.issn.value);
    if (c !== null && c !== meta.issn.value.slice(-1)) {
      warn('issn-check-digit', `ISSN ${meta.issn.value} ends in ${meta.issn.value.slice(-1)}, but its first seven digits call for check digit ${c}; kept as printed.`, {
        id: 'meta.issn',
      }, { issn: meta.issn.value, printed: meta.issn.value.slice(-1), expected: c });
    }
  }
  const missing: Array<[keyof ArticleMeta, MissingFieldCode, string]> = [
    ['journal', 'missing-journal', 'journal name'],
    ['year', 'missing-year', 'year'],
    ['issue', 'missing-issue', 'issue'],
    ['issn', 'missing-issn', 'ISSN'],
    ['pages', 'missing-pages', 'pages'],
    ['clc', 'missing-clc', 'CLC number (中图分类号)'],
    ['documentCode', 'missing-document-code', 'document code (文献标志码)'],
    ['articleNumber', 'missing-article-number', 'article number (文章编号)'],
  ];
  for (const [key, code, what] of missing) {
    if (meta[key] === null) warn(code, `The page neither states nor determines the ${what}.`, { id: `meta.${key}` }, {});
  }
  if (keywords === null || keywords.length === 0) {
    warn(
      'missing-keywords',
      siteKeywords
        ? 'The article has no keyword line (关键词); the site’s keyword line runs its keywords together and is not used.'
        : 'The article has no keyword line (关键词).',
      { id: 'keywords' },
      { siteKeywordLine: siteKeywords !== undefined },
    );
  }

  return {
    script: 'zh-Hans',
    slug: options.slug ?? null,
    meta,
    site: {
      postedAt: posted?.postedAt ?? null,
      keywordLine: siteKeywords?.reading ?? null,
    },
    abstract,
    keywords: keywords ?? [],
    titleEn,
    bylineEn,
    abstractEn,
    keywordsEn,
    notes,
    front,
    sections,
    citations,
    references,
    endnotes,
    endnotesHeading,
    noteRefs,
    figures: { mentions, captions },
    editor,
    related,
    warnings,
  };
}

/** Every paragraph of the article in reading order: front matter, then sections depth-first. */
export function allParagraphs(article: Article): Paragraph[] {
  const out: Paragraph[] = [...article.front];
  const walk = (s: Section): void => {
    out.push(...s.paragraphs);
    s.subsections.forEach(walk);
  };
  article.sections.forEach(walk);
  return out;
}

/** Every section of the article, depth-first. */
export function allSections(article: Article): Section[] {
  const out: Section[] = [];
  const walk = (s: Section): void => {
    out.push(s);
    s.subsections.forEach(walk);
  };
  article.sections.forEach(walk);
  return out;
}
