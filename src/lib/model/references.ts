// The reference list: recognise its heading and its entries, and parse one entry GB/T 7714-style
// (authors. title[type]. container, year(issue): pages. URL. DOI), keeping the printed string.
// It never resolves citations and never invents a field the entry does not print.

import { latinName, splitNames } from './names.ts';
import type { PersonName, Reference } from './types.ts';

/** `参考文献：`, `[参考文献]`, `注释：`, `参考文献（References）：` … on a line of their own. */
export const REFERENCES_HEADING =
  /^[[【［]?\s*(?:参\s*考\s*文\s*献|参考资料|注\s*释|文献)\s*[\]】］]?\s*(?:[（(]\s*References\s*[）)])?\s*[：:]?\s*$/iu;

/** The number at the start of an entry: `[1]`, `［1］`, `1.`, `（1）`. */
const ENTRY_NUMBER = /^\s*(?:[[［【]\s*(\d{1,3})\s*[\]］】]|(\d{1,3})\s*[.．、](?!\d)|[（(]\s*(\d{1,3})\s*[）)])\s*/u;

/** The number and body of a reference entry line, or `null` when the line is not one. */
export function entryNumber(line: string): { number: number; body: string } | null {
  const m = ENTRY_NUMBER.exec(line);
  if (!m) return null;
  const body = line.slice(m[0].length).trim();
  if (body === '') return null;
  return { number: Number(m[1] ?? m[2] ?? m[3]), body };
}

/** What an entry's text gives: a `Reference` without its place in the list and the article. */
export type ParsedReference = Omit<Reference, 'id' | 'number' | 'raw' | 'line' | 'citedBy'>;

const TYPE_CODE = /[[［]\s*([A-Z]{1,2}(?:\s*\/\s*[A-Z]{1,2})?)\s*[\]］]/u;
const URL = /https?:\/\/[^\s，,；;<>"'“”]+/u;
const DOI = /(?:DOI|doi)\s*[:：]?\s*(10\.\d{4,9}\/[^\s，,；;]+)|\b(10\.\d{4,9}\/[^\s，,；;]+)/u;
/** A field separator: `．`, or `.` unless between two digits (`2.0`), optional space after. */
const SEP = /(?:．|(?<!\d)\.|\.(?!\d))\s*/u;
const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/u;

const trimPunct = (s: string): string => s.replace(/^[\s.．,，:：;；/]+|[\s.．,，:：;；/]+$/gu, '');
const orNull = (s: string | undefined): string | null => {
  const t = s === undefined ? '' : trimPunct(s);
  return t === '' ? null : t;
};

/**
 * A Latin or Cyrillic initial just before a period, and what follows an initial's period inside a
 * name list (Putnam, R. D., & Goss; Семенова Т. И.).
 */
const INITIAL_BEFORE = /(?:^|[^A-Za-z\u0400-\u04ff])[A-Z\u0410-\u042f\u0401]$/u;
const INITIAL_GOES_ON = /^\s*(?:[A-Z\u0410-\u042f\u0401]\.|[,，&]|and\s|et\s+al)/u;

/** Split at the first field separator that is not inside brackets or quotes. */
function splitFirst(s: string): [string, string] | null {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if ('（(“《[［'.includes(ch)) depth++;
    else if ('）)”》]］'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '．' || ch === '.')) {
      const prev = s[i - 1] ?? '';
      const next = s[i + 1] ?? '';
      if (/\d/.test(prev) && /\d/.test(next)) continue;
      if (i === 0 || s.slice(i + 1).trim() === '') continue;
      // An initial's period inside a Latin name list (Putnam, R. D., & Goss, K. A.): another
      // initial or the next name follows it; after the last initial the title does.
      if (INITIAL_BEFORE.test(s.slice(Math.max(0, i - 2), i)) && INITIAL_GOES_ON.test(s.slice(i + 1))) continue;
      return [s.slice(0, i), s.slice(i + 1)];
    }
  }
  return null;
}

/**
 * Whether the part before the first separator is an author list rather than part of a title. A
 * Chinese list is short; a Latin one may run longer (`STANGHELLINI V, CHAN F K, HASLER W L, et
 * al`, `International Electrotechnical Commission`) when every name in it reads as a name.
 */
function authorPart(s: string): boolean {
  const t = s.trim();
  if (t === '' || /[：:“”《》？！?!（）()]/u.test(t)) return false;
  const { names } = splitNames(t);
  if (t.length <= 40) return names.length > 0;
  if (t.length <= 160 && /^[\x20-\x7e\u00c0-\u024f□]+$/.test(t) && names.length > 0 && names.every((n) => latinName(n.name))) return true;
  // Bodies (Global Initiative for Chronic Obstructive Lung Disease; 中华医学会呼吸病学分会慢性阻塞性肺疾病学组，中国医师协会…).
  const chunks = t.split(/[，,、；;]\s*/u);
  return t.length <= 200 && chunks.length <= 4 && chunks.every((c) => LATIN_BODY.test(c) || HAN_BODY.test(c));
}
/** A body named in English: capitalised words and the small words between them. */
const LATIN_BODY = /^(?:[A-Z][\w&'-]*)(?:\s+(?:[A-Z][\w&'-]*|of|for|on|and|the|in|at))+$/;
/** A body named in Chinese: what ends its name says what it is. */
const HAN_BODY = /^\p{Script=Han}{2,40}(?:会|组|部|局|院|所|室|中心|厅|委|处|司|社|馆|校|署|办|队|团|站|公司|银行)$/u;

/** Roles of other contributors after a title (GB/T 7714 其他责任者): `刘迪瑞，译`, `王 垒，王 甦，等译`, `俞剑华，注释`. */
const CONTRIBUTOR_ROLE = /[，,]\s*(等\s*)?([主合]?[编译注释校笺疏辑评点选整理订审]{1,4})$/u;
/** An edition statement (版本项): `3版`, `第2版`, `修订本`, `2nd ed`. */
const EDITION = /^(?:第?\s*[\d一二三四五六七八九十]+\s*版|(?:修订|增订|增补|校订|重订)+[版本]|\d+(?:st|nd|rd|th)\s+ed(?:ition)?|\d+-е\s+изд)$/iu;

/**
 * Take the contributors and the edition statement off the front of a book's tail (`刘迪瑞，译.
 * 3版.北京：…`), and give back the rest. Only segments that a publication line still follows.
 */
function takeContributorsAndEdition(tail: string, out: ParsedReference): string {
  let rest = tail.replace(/^[\s.．]+/u, '');
  for (let split = splitFirst(rest); split; split = splitFirst(rest)) {
    const segment = trimPunct(split[0]);
    const role = CONTRIBUTOR_ROLE.exec(segment);
    if (role && segment.length > role[0].length) {
      const names = splitNames(segment.slice(0, role.index));
      if (names.names.length === 0 || !names.names.every((n) => [...n.name].length <= 40)) break;
      out.contributors.push({ names: names.names, role: role[2]!, etAl: role[1] !== undefined || names.etAl });
    } else if (!out.edition && EDITION.test(segment)) {
      out.edition = segment;
    } else break;
    rest = split[1];
  }
  return rest;
}

/** Tail fields: what follows the title (container, place, year, issue, pages, date). */
function parseTail(tail: string, type: string | null, out: ParsedReference): void {
  if (/^\s*\/\//u.test(tail)) {
    parseHost(tail.replace(/^\s*\/\//u, ''), out);
    return;
  }
  // Russian references keep their own marks: an issue as `№ 4`, pages as `С. 45-67` (GOST).
  const t = trimPunct(tail)
    .replace(/[,，]\s*№\s*(\d+)/u, '($1)')
    .replace(/[.,]\s*С\.\s*(\d+(?:\s*[-–]\s*\d+)?)$/u, ':$1');
  if (t === '') return;
  const date = DATE.exec(t);
  if (date) {
    out.date = date[0].replace(/\s+/g, '');
    out.year = Number(date[1]);
  }
  const kind = type?.split('/')[0] ?? null;
  // Newspaper: 人民日报，2020-11-04(01).
  const paper = /^(.+?)\s*[，,]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*(?:[（(]\s*(\d+)\s*[)）])?/u.exec(t);
  if (paper && (kind === 'N' || kind === null || kind === 'EB' || kind === 'DB')) {
    out.container = orNull(paper[1]);
    if (paper[3] !== undefined) out.pages = paper[3];
    return;
  }
  // Journal: 江西社会科学，2018(08):12-15. / 2018，36(2)：1-9.
  const journal =
    /^(.+?)\s*[，,]\s*(\d{4})\s*(?:[，,]\s*(\d+)\s*)?(?:[（(]\s*([^()（）]+?)\s*[)）])?\s*(?:[：:]\s*([\d\s\-–—~,，+]+))?$/u.exec(t);
  // A `place：publisher` before the year is a publication line, whatever the type (长沙：湖南省方言普查组，1959 [Z]).
  const placed = journal !== null && /^[^：:，,]{1,12}[：:]/u.test(journal[1]!);
  if (journal && !placed && kind !== 'M' && kind !== 'D' && kind !== 'R' && kind !== 'S') {
    out.container = orNull(journal[1]);
    out.year = Number(journal[2]);
    out.volume = journal[3] ?? null;
    out.issue = journal[4] ?? null;
    out.pages = orNull(journal[5]?.replace(/\s+/g, ''));
    return;
  }
  // Book, thesis, report, proceedings: 北京：人民出版社，2019：12-15.
  if (publication(t, out)) {
    out.container = out.publisher;
    return;
  }
  if (journal) {
    out.container = orNull(journal[1]);
    out.year = Number(journal[2]);
    out.issue = journal[4] ?? null;
    return;
  }
  // Online and the rest: whatever stands before the date is the container (`新华网`).
  const before = date ? t.slice(0, date.index) : t;
  const container = orNull(before.replace(/[（(\[［]\s*$/u, ''));
  if (container && !/^[\d\s()（）[\]［］\-./]+$/u.test(container)) out.container = container;
  if (!date) {
    const year = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/u.exec(t);
    if (year) out.year = Number(year[1]);
  }
}

/** `北京：人民出版社，2019：12-15` → place, publisher, year, pages; false when it is not that. */
function publication(t: string, out: ParsedReference): boolean {
  // A place may carry its state (Champaign, IL: Human Kinetics, 1998).
  const book = /^(?:([^：:，,]+?(?:,\s*[A-Z]{2})?)\s*[：:]\s*)?(.+?)\s*[，,]\s*(\d{4})\s*(?:[：:]\s*([\d\s\-–—~,，]+))?$/u.exec(t);
  if (!book) return false;
  out.place = orNull(book[1]);
  out.publisher = orNull(book[2]);
  out.year = Number(book[3]);
  out.pages = orNull(book[4]?.replace(/\s+/g, ''));
  return true;
}

/**
 * The host of a contribution (`[C]//编者.论文集[C].北京：中华书局，2015：1-9`): its title is the
 * container, its publication line gives place, publisher, year and pages.
 */
function parseHost(host: string, out: ParsedReference): void {
  const parts: string[] = [];
  let rest: string = host;
  for (let split = splitFirst(rest); split; split = splitFirst(rest)) {
    parts.push(split[0]);
    rest = split[1];
  }
  parts.push(rest);
  const segments = parts.map((p) => trimPunct(p)).filter((p) => p !== '');
  const last = segments[segments.length - 1];
  const hasPublication = last !== undefined && publication(last, out);
  const titles = hasPublication ? segments.slice(0, -1) : segments;
  const title = titles[titles.length - 1];
  if (title !== undefined) out.container = orNull(title.replace(TYPE_CODE, ''));
}

/** Parse the body of one entry (its number already removed). */
export function parseReference(body: string): ParsedReference {
  const out: ParsedReference = {
    type: null, authors: [], etAl: false, title: null, contributors: [], edition: null, container: null, publisher: null, place: null,
    year: null, volume: null, issue: null, date: null, pages: null, url: null, doi: null,
  };
  let rest = body.trim();
  // The URL first: a path may look like a DOI (…/cave/10.0001/0001.0220), which it is not,
  // unless the URL is the DOI's own (https://doi.org/10.…).
  const url = URL.exec(rest);
  if (url) {
    out.url = url[0].replace(/[.。,，;；:：)）\]］]+$/u, '');
    rest = rest.slice(0, url.index) + rest.slice(url.index + url[0].length);
    const resolver = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/iu.exec(out.url);
    if (resolver) out.doi = resolver[1]!;
  }
  const doi = DOI.exec(rest);
  if (doi) {
    out.doi = trimPunct(doi[1] ?? doi[2]!);
    rest = rest.slice(0, doi.index) + rest.slice(doi.index + doi[0].length);
  }
  const typed = TYPE_CODE.exec(rest);
  let head: string;
  let tail: string;
  if (typed) {
    out.type = typed[1]!.replace(/\s+/g, '');
    head = rest.slice(0, typed.index);
    tail = rest.slice(typed.index + typed[0].length);
  } else {
    head = rest;
    tail = '';
  }
  // Authors stand before the first separator. Without a type code, `a.b` alone is title.tail,
  // so a first part only counts as authors when a title and a tail still follow it.
  const split = splitFirst(head);
  if (split && authorPart(split[0]) && (typed || splitFirst(split[1]))) {
    const names = splitNames(split[0]);
    out.authors = names.names;
    out.etAl = names.etAl;
    head = split[1];
  }
  if (!typed) {
    const t = splitFirst(head);
    if (t) {
      head = t[0];
      tail = t[1];
    }
  }
  out.title = orNull(head);
  parseTail(takeContributorsAndEdition(tail, out), out.type, out);
  return out;
}
