// The candidate characters for one restored position: the pairs its bytes can make, the pairs that
// may have vanished between them, and the costs that weigh them before the search (forms the page
// cannot hold, quotes and brackets that do not balance).

import iconv from 'iconv-lite';
import type { CharModel } from '../../lm/chinese-model.ts';
import { s2tw, tsCharacters } from '../../script/opencc.ts';
import { decodePair, isLead, isPrivateUse, isTrail } from '../gbk.ts';
import {
  LOCAL_KEEP,
  NOT_PAGE_FORM_COST,
  NOT_PROSE_COST,
  PUA_TRAIL_COST,
  TAG_FIT_BONUS,
  TAG_MISFIT_COST,
  TAGGED_INSIDE_COST,
  UNREADABLE_COST,
  VANISH_COST,
  VANISH_FIRSTS,
  VANISH_SECONDS,
} from './constants.ts';
import { reads, type ByteOpt } from './tokens.ts';

export interface Option {
  text: string;
  lp: number;
  /** Read across a pair that vanished: where it vanished is itself a guess. */
  vanish?: boolean;
}

let vanishBySide: Map<number, Uint8Array> | undefined;
/**
 * Pairs (trail of one real character v1, lead of the next v2) that a misreading shows as nothing
 * (a user-defined or unassigned pair): for each v1, a 256-entry table of the v2 that complete one.
 */
function vanishingPairs(): Map<number, Uint8Array> {
  if (!vanishBySide) {
    vanishBySide = new Map();
    for (let a = 0x81; a <= 0xfe; a++) {
      let seconds: Uint8Array | undefined;
      for (let b = 0x81; b <= 0xfe; b++) {
        const ch = decodePair(a, b);
        if (ch !== '' && isPrivateUse(ch)) (seconds ??= new Uint8Array(256))[b] = 1;
      }
      if (seconds) vanishBySide.set(a, seconds);
    }
  }
  return vanishBySide;
}

/** 0: not looked up, 1: the page may hold it, 2: the page's conversion would have changed it. */
const pageFormCache = new Uint8Array(65536);
let traditionalCount: Map<string, number> | undefined;
/** Whether standard Big5 (without the Hong Kong extensions, which add simplified forms) has the character. */
function inStandardBig5(ch: string): boolean {
  const b = iconv.encode(ch, 'big5');
  if (b.length !== 2) return false;
  const v = b[0]! * 256 + b[1]!;
  return (v >= 0xa440 && v <= 0xc67e) || (v >= 0xc940 && v <= 0xf9d5);
}

/**
 * The cost of reading a character the page cannot have held. The page is the author's text
 * converted to traditional one character at a time, so a simplified character with a traditional
 * form (关 → 關, 发 → 發) never stood on it, unless it is itself a traditional character, one
 * that standard Big5 holds: 涌, 范, 干, 并, 后, 系 (a one-character table keeps them; the seed
 * page shows 涌 and 干部 unconverted). Nor did a traditional form other than the one such a table
 * writes for its simplified character (OpenCC's, Taiwan-style as the page's 著 is): with no
 * phrase to choose by, every 发 became 發, so 髮 never stood there, nor 係 or 繫 beside 系.
 * Characters the same in both scripts may stand too.
 */
function pageFormCost(model: CharModel, ch: string): number {
  const c = ch.charCodeAt(0);
  // Characters the page shows read in step stood on it, whatever its converter did.
  if (model.onPage?.(ch)) return 0;
  // The page's conversion writes each simplified character one way: where the page shows 干部
  // in step, 幹 and 乾 never stood on it, whatever OpenCC's own choice for 干.
  if (model.otherFormOnPage?.(ch)) return NOT_PAGE_FORM_COST;
  let v = pageFormCache[c]!;
  if (v === 0) {
    const table = tsCharacters();
    if (!traditionalCount) {
      traditionalCount = new Map();
      for (const [trad, simp] of table) if (trad !== simp) traditionalCount.set(simp, (traditionalCount.get(simp) ?? 0) + 1);
    }
    const changedByConversion = !table.has(ch) && (traditionalCount.get(ch) ?? 0) >= 1 && !inStandardBig5(ch);
    const simplified = table.get(ch);
    const notItsForm = simplified !== undefined && simplified !== ch && simplified.length === 1 && s2tw()(simplified) !== ch;
    v = changedByConversion || notItsForm ? 2 : 1;
    pageFormCache[c] = v;
  }
  if (v === 2) return NOT_PAGE_FORM_COST;
  // GBK's rows of box drawing, kana, Cyrillic, pinyin letters and bopomofo: bytes a misreading
  // makes easily, and an author's Chinese prose almost never holds.
  if ((c >= 0x2500 && c <= 0x257f) || (c >= 0x3040 && c <= 0x312f) || (c >= 0x0400 && c <= 0x04ff) || (c >= 0x00c0 && c <= 0x02ff)) return NOT_PROSE_COST;
  // Full-width Latin letters, digits and symbols are rare in Chinese prose; its punctuation is not.
  if (c >= 0xff01 && c <= 0xff5e && !'，：；！？（）'.includes(ch)) return NOT_PAGE_FORM_COST;
  return 0;
}

const OPENERS: Record<string, string> = { '”': '“', '’': '‘', '）': '（', '》': '《', '」': '「', '』': '『', '】': '【' };
const OPENER_SET = new Set(Object.values(OPENERS));
/**
 * One pass over the quotes and brackets of a text, given those open before it: which are open at
 * its end, and, for each kind, how many closers it has with no opener before them.
 */
function scanBrackets(text: string, before: Map<string, number> = new Map()): { open: Map<string, number>; wanted: Map<string, number> } {
  const open = new Map(before);
  const wanted = new Map<string, number>();
  for (const raw of text) {
    const ch = raw === '(' ? '（' : raw === ')' ? '）' : raw;
    const opener = OPENERS[ch];
    if (opener) {
      const d = open.get(opener) ?? 0;
      if (d > 0) open.set(opener, d - 1);
      else wanted.set(opener, (wanted.get(opener) ?? 0) + 1);
    } else if (OPENER_SET.has(ch)) open.set(ch, (open.get(ch) ?? 0) + 1);
  }
  return { open, wanted };
}

const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

/** How many closing quotes or brackets in the text have no opening one before them (given those already open). */
export function unmatchedClosers(text: string, open: Map<string, number> = new Map()): number {
  return sum(scanBrackets(text, open).wanted);
}

/** For each opening quote or bracket: how many closers of its kind the text has with no opener before them there. */
export function closersWanted(text: string): Map<string, number> {
  return scanBrackets(text).wanted;
}

/**
 * How a reading leaves the quotes and brackets of its line unbalanced, given those open before it
 * and the closers the rest of the line wants (`closersWanted`): closers it has, or the rest has,
 * with no opener (法院在，2021)), and openers nothing after it closes (（一些政社角色定位).
 */
export function bracketMisfits(text: string, before: Map<string, number>, restWants: Map<string, number>): { closers: number; openers: number } {
  const { open, wanted } = scanBrackets(text, before);
  let closers = sum(wanted);
  let openers = 0;
  for (const o of new Set([...open.keys(), ...restWants.keys()])) {
    const d = open.get(o) ?? 0;
    const w = restWants.get(o) ?? 0;
    if (w > d) closers += w - d;
    else openers += d - w;
  }
  return { closers, openers };
}

/** The quotes and brackets left open at the end of the text (given those open before it). */
export function openAfter(text: string, before: Map<string, number> = new Map()): Map<string, number> {
  return scanBrackets(text, before).open;
}

/** Is the character plausible in running Chinese text (seen by the model or on the page, or punctuation)? */
function plausible(model: CharModel, ch: string): boolean {
  if (ch === '' || isPrivateUse(ch)) return false;
  // What the page itself shows in step (a quoted language's letters, Гремячий, それから) may
  // stand in a run on it, however rare in the model's counts.
  return model.logUnigram(ch) > -19 || (model.onPage?.(ch) ?? false);
}

/** Candidate characters made of one byte from `left` and one from `right`. */
function pairOptions(model: CharModel, left: ByteOpt[], right: ByteOpt[], forced: boolean): Option[] {
  const out: Option[] = [];
  for (const l of left) {
    if (!isLead(l.b)) continue;
    for (const r of right) {
      if (!isTrail(r.b)) continue;
      const ch = decodePair(l.b, r.b);
      if (ch === '' || isPrivateUse(ch)) continue;
      if (!forced && !plausible(model, ch)) continue;
      out.push({ text: ch, lp: l.lp + r.lp - pageFormCost(model, ch) });
    }
  }
  return out;
}

/** A character as half of a vanished pair: its text, its code, and the byte it gives the pair. */
interface Half {
  ch: string;
  code: number;
  v: number;
}
/** For a lead byte: the characters it makes with a trail byte that can begin a vanishing pair. */
const firstHalves = new Map<number, Half[]>();
/** For a trail byte: the characters it makes with a lead byte that can end a vanishing pair. */
const secondHalves = new Map<number, Half[]>();

function halvesBefore(model: CharModel, lead: number): Half[] {
  let out = firstHalves.get(lead);
  if (!out) {
    out = [];
    for (const v1 of vanishingPairs().keys()) {
      const a = decodePair(lead, v1);
      if (plausible(model, a)) out.push({ ch: a, code: a.charCodeAt(0), v: v1 });
    }
    firstHalves.set(lead, out);
  }
  return out;
}

function halvesAfter(model: CharModel, trail: number): Half[] {
  let out = secondHalves.get(trail);
  if (!out) {
    out = [];
    for (let v2 = 0x81; v2 <= 0xfe; v2++) {
      const b = decodePair(v2, trail);
      if (plausible(model, b)) out.push({ ch: b, code: b.charCodeAt(0), v: v2 });
    }
    secondHalves.set(trail, out);
  }
  return out;
}

/** How many middle characters of two vanished pairs in a row are tried after each first half. */
const DOUBLE_MIDDLES = 8;
/** Of how many first halves, and among how many of the commonest middle characters. */
const DOUBLE_FIRSTS = 2;
const DOUBLE_MIDDLE_POOL = 150;

/** The best `k` of scored items, kept sorted (best first) as they come: no sort of the whole lot. */
class TopK<T> {
  readonly items: Array<{ s: number; item: T }> = [];
  constructor(private readonly k: number) {}
  /** Whether an item of this score would be kept. */
  admits(s: number): boolean {
    return this.items.length < this.k || s > this.items[this.items.length - 1]!.s;
  }
  add(s: number, item: T): void {
    if (!this.admits(s)) return;
    let i = this.items.length;
    if (i === this.k) i--;
    else this.items.push({ s, item });
    while (i > 0 && this.items[i - 1]!.s < s) {
      this.items[i] = this.items[i - 1]!;
      i--;
    }
    this.items[i] = { s, item };
  }
}

/**
 * Two characters around a pair that vanished: (left, v1) and (v2, right). The halves are ranked
 * on their own first (against the neighbours' likeliest readings), then the best combinations.
 */
function vanishOptions(
  model: CharModel,
  left: ByteOpt[],
  right: ByteOpt[],
  cost: number,
  prev: string,
  next: string,
  double = false,
  /** The reading of the tag after the run, for its last position: the second half must read it. */
  syllable?: string,
): Option[] {
  const pairs = vanishingPairs();
  const prevCode = prev ? prev.charCodeAt(prev.length - 1) : -1;
  const nextCode = next ? next.charCodeAt(0) : -1;
  const firsts = new TopK<Half & { lp: number }>(VANISH_FIRSTS);
  for (const l of left) {
    // A vanished pair after a trail byte that is itself a guess is too far-fetched to try.
    if (!isLead(l.b) || l.lp < -PUA_TRAIL_COST / 2) continue;
    for (const h of halvesBefore(model, l.b)) {
      const lp = l.lp - pageFormCost(model, h.ch);
      const s = model.logPCode(h.code, prevCode) + lp;
      if (firsts.admits(s)) firsts.add(s, { ...h, lp });
    }
  }
  const seconds = new TopK<Half & { lp: number }>(VANISH_SECONDS);
  for (const r of right) {
    if (!isTrail(r.b) || r.lp < -PUA_TRAIL_COST / 2) continue;
    for (const h of halvesAfter(model, r.b)) {
      if (syllable !== undefined && !reads(h.ch, syllable)) continue;
      const lp = r.lp - pageFormCost(model, h.ch);
      const s = (nextCode >= 0 ? model.logPCode(nextCode, h.code) : model.logPCode(h.code, -1)) + lp;
      if (seconds.admits(s)) seconds.add(s, { ...h, lp });
    }
  }
  // Every second half is tried after each of the best first halves: the pair itself is a bigram.
  const topSeconds = seconds.items.map(({ s, item }) => ({ ...item, s }));
  const best = new TopK<Option>(LOCAL_KEEP);
  /** Each second half that completes a vanishing pair after `head` (scored `s`, its last character `last`). */
  const closeWith = (s: number, head: string, last: number, allowed: Uint8Array, lp: number): void => {
    for (const sec of topSeconds) {
      if (!allowed[sec.v]) continue;
      const upper = s + sec.s;
      if (!best.admits(upper)) break; // the pair's own bigram only lowers the score, and seconds are sorted
      const score = upper + model.logPCode(sec.code, last);
      if (best.admits(score)) best.add(score, { text: head + sec.ch, lp: lp + sec.lp, vanish: true });
    }
  };
  for (const { s: fs, item: f } of firsts.items) closeWith(fs, f.ch, f.code, pairs.get(f.v)!, f.lp - cost);
  if (double) {
    // Two pairs in a row may vanish (政府 before a GB2312 character makes FE B8 and AE xx, both
    // user-defined): three characters, the middle one made of the second byte of the first
    // vanished pair and the first byte of the next.
    for (const { s: fs, item: f } of firsts.items.slice(0, DOUBLE_FIRSTS)) {
      const allowed = pairs.get(f.v)!;
      const mids = new TopK<Middle & { lp: number }>(DOUBLE_MIDDLES);
      for (const m of middles(model)) {
        if (!allowed[m.lead]) continue;
        const lp = -pageFormCost(model, m.ch);
        const s = fs + model.logPCode(m.code, f.code) + lp - cost;
        if (mids.admits(s)) mids.add(s, { ...m, lp });
      }
      for (const { s: ms, item: m } of mids.items) closeWith(ms, f.ch + m.ch, m.code, pairs.get(m.trail)!, f.lp + m.lp - 2 * cost);
    }
  }
  return best.items.map(({ item }) => item);
}

/** A character between two vanished pairs: its lead ends the first, its trail begins the second. */
interface Middle {
  ch: string;
  code: number;
  lead: number;
  trail: number;
}
let middleList: Middle[] | undefined;
function middles(model: CharModel): Middle[] {
  if (!middleList) {
    middleList = [];
    const starts = [...vanishingPairs().keys()];
    for (let a = 0x81; a <= 0xfe; a++) {
      for (const b of starts) {
        const ch = decodePair(a, b);
        if (plausible(model, ch)) middleList.push({ ch, code: ch.charCodeAt(0), lead: a, trail: b });
      }
    }
    // The commonest first: two pairs vanishing in a row is rare enough that only common middles are tried.
    middleList.sort((x, y) => model.logUnigram(y.ch) - model.logUnigram(x.ch));
    middleList = middleList.slice(0, DOUBLE_MIDDLE_POOL);
  }
  return middleList;
}

/**
 * Keep the best `LOCAL_KEEP` options of a position, judged with its neighbours' likeliest reading
 * and, for the last position of a run a tag follows, by whether its last character reads the tag.
 */
function prune(model: CharModel, opts: Option[], prev: string, next: string, syllable?: string): Option[] {
  if (opts.length <= LOCAL_KEEP) return opts;
  const fit = (o: Option): number => (syllable === undefined ? 0 : reads(o.text.slice(-1), syllable) ? TAG_FIT_BONUS : -TAG_MISFIT_COST);
  const scored = opts.map((o) => ({ o, s: o.lp + fit(o) + model.score(o.text, prev) + (next ? model.logP(next, o.text.slice(-1)) : 0) }));
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, LOCAL_KEEP).map((x) => x.o);
}

/** What one restored position is made of: the bytes on each side, and what the page says of them. */
export interface Gap {
  left: ByteOpt[];
  right: ByteOpt[];
  /** A `?` stands here: the pair could not be read (rare: GBK maps every pair a misreading makes), so only a vanished pair fits. */
  unreadable: boolean;
  /** For the last position: the tag after the run, which its last character must read. */
  lastTag?: { syllable: string | undefined };
  /** Whether a vanished pair has been looked for here yet. */
  expanded: boolean;
}

/** The options of one restored position: the pair (left, right), or, where `?` stands, a vanished pair. */
export function gapOptions(model: CharModel, gap: Gap, prev: string, next: string, tagged: ReadonlySet<string>): Option[] {
  let opts: Option[];
  if (gap.unreadable) {
    opts = vanishOptions(model, gap.left, gap.right, UNREADABLE_COST, prev, next, false, gap.lastTag?.syllable);
    gap.expanded = true;
  } else {
    opts = pairOptions(model, gap.left, gap.right, gap.left.length === 1 && gap.right.length === 1);
    if (opts.length === 0) {
      // The bytes on each side make no character (`£` before `m`: A3 6D): only a pair that
      // vanished between them explains the page.
      opts = vanishOptions(model, gap.left, gap.right, VANISH_COST, prev, next, false, gap.lastTag?.syllable);
      gap.expanded = true;
    }
  }
  return prune(model, withTagCosts(opts, tagged, gap.lastTag), prev, next, gap.lastTag?.syllable);
}

/**
 * The readings of a position across a pair that vanished without a trace. A pair vanishes rarely,
 * so the search asks for these only where its best reading so far reads badly; `prev` and `next`
 * are that reading's neighbours.
 */
export function vanishedPairOptions(model: CharModel, gap: Gap, prev: string, next: string, tagged: ReadonlySet<string>): Option[] {
  gap.expanded = true;
  const opts = vanishOptions(model, gap.left, gap.right, VANISH_COST, prev, next, true, gap.lastTag?.syllable);
  return prune(model, withTagCosts(opts, tagged, gap.lastTag), prev, next, gap.lastTag?.syllable);
}

/** A character the page always tags stands only last, with its tag after the run. */
function withTagCosts(opts: Option[], tagged: ReadonlySet<string>, lastTag: Gap['lastTag']): Option[] {
  if (tagged.size === 0) return opts;
  return opts.map((o) => {
    let cost = 0;
    for (let k = 0; k < o.text.length; k++) {
      const ch = o.text[k]!;
      if (!tagged.has(ch)) continue;
      const fitsTag = lastTag && k === o.text.length - 1 && lastTag.syllable !== undefined && reads(ch, lastTag.syllable);
      if (!fitsTag) cost += TAGGED_INSIDE_COST;
    }
    return cost ? { text: o.text, lp: o.lp - cost } : o;
  });
}

/** The likeliest single character of a position, to give its neighbours context while pruning. */
export function guessOf(left: ByteOpt[], right: ByteOpt[]): string {
  if (left.length === 1 && right.length === 1) return decodePair(left[0]!.b, right[0]!.b);
  return '';
}
