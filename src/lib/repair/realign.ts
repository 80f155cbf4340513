// Realign byte-level mojibake runs. The page was once GBK bytes; for a stretch they were read one
// byte out of step, so each character on the page is the trail byte of one real character and the
// lead byte of the next. This module re-encodes such a run, undoes the width folding, tries the
// lost bytes (a `?`, a private-use character whose trail byte is only a hint, a pair that vanished,
// a broken pair at the end) and scores every candidate reading with a model of Chinese. It accepts
// a reading only when it clearly beats the alternatives; a character it cannot decide is printed
// as □ and the witness is kept. It never consults a table of known runs.

import { chineseModel, type CharModel } from '../lm/chinese-model.ts';
import { tsCharacters } from '../script/opencc.ts';
import { isPinyinSyllable, readingFit } from '../pinyin/index.ts';
import { decodePair, encodeChar, isLead, isPrivateUse, isTrail, LEAD_MAX, LEAD_MIN } from './gbk.ts';

/** One realigned run, in the coordinates of the line it was found in. */
export interface RealignFix {
  start: number;
  end: number;
  /** The restored characters in the page's script; □ for each character that could not be decided. */
  reading: string;
  confidence: number;
  /** How many characters of the reading are lacunae (□). */
  lacunae: number;
  note: string;
}

/** Options that tune the acceptance (exposed for the measurement script and tests). */
export interface RealignOptions {
  /** Margin in nats a reading must have over every other to be accepted. */
  acceptMargin?: number;
  /** Margin in nats a single uncertain character must have, else it becomes □. */
  charMargin?: number;
  /** The model to score readings with (default: the dictionary model; the repair passes one adapted to the page). */
  model?: CharModel;
  /**
   * Characters the page tags with pinyin wherever they stand. Such a character cannot stand inside
   * a run: its tag's ASCII `(` would have put the reader back in step.
   */
  tagged?: ReadonlySet<string>;
}

const LACUNA = "□";
/** Nats of margin per e-fold of doubt: confidence = 1 − exp(−margin / scale). */
const CONFIDENCE_SCALE = 6;
/** A reading across a vanished pair is never more sure than this. */
const VANISH_CONFIDENCE_CAP = 0.85;
/** A run this long (restored characters) may hide a vanished pair anywhere. */
const LONG_RUN = 8;
const NO_TAGS: ReadonlySet<string> = new Set();
const MAX_TOKENS = 48;
const BEAM = 16;
/** Prior cost of assuming a byte pair vanished without a trace. */
const VANISH_COST = 3;
/** Prior cost of a private-use trail byte other than the one the page shows. */
const PUA_TRAIL_COST = 4;
/** And for each step the trail byte lies away from the hint. */
const PUA_TRAIL_DISTANCE_COST = 0.05;
/** Cost of a run whose lost lead byte left no `?` on the page. */
const SILENT_START_COST = 6;
/** A pinyin tag after the run that reads the restored character: bonus; that does not: cost. */
const TAG_FIT_BONUS = 6;
const TAG_MISFIT_COST = 10;
/** A character the page always tags, read where no tag follows it. */
const TAGGED_INSIDE_COST = 8;
/** A character the page's one-character-at-a-time conversion would have changed. */
const NOT_PAGE_FORM_COST = 5;
/** A closing quote or bracket read where nothing opened it. */
const UNMATCHED_CLOSER_COST = 6;
/** A closing bracket where one opened within the last few characters: the likeliest reading. */
const NEAR_CLOSER_BONUS = 4;
const NEAR_OPEN = 8;
const RIGHT_CONTEXT = 4;
/** Weight of the word model against the character model in the word-aware pass. */
const WORD_WEIGHT = 1;
/** Characters of context on each side the word model reads. */
const WORD_CONTEXT = 6;
/** Options per position the word-aware pass tries. */
const REFINE_KEEP = 8;
/** Characters on each side of a position the word-aware pass reads when comparing its options. */
const REFINE_WINDOW = 6;
/** How many places a run may end at before the search stops reading. */
const MAX_ENDS = 4;
/** How many options of one position survive the local pruning. */
const LOCAL_KEEP = 24;
/** How many first halves of a vanished pair are combined with the second halves. */
const VANISH_FIRSTS = 8;
/** Below this local score (nats) of the plain reading, a vanished pair is looked for. */
const VANISH_LOOK_BELOW = -8;
/** How many second halves of a vanished pair are combined with the first halves. */
const VANISH_SECONDS = 200;

const TAG_RE = /^\(([a-zü\u00e0-\u01dc\u0101-\u01ce\u1e3f\u0144\u0148\u01f9]+)\)/iu;
const TAG_FRAGMENT_RE = /^([a-zü\u00e0-\u01dc\u0101-\u01ce\u1e3f\u0144\u0148\u01f9]+)\)/iu;

interface ByteOpt {
  b: number;
  lp: number;
}

/** A page character read as the two bytes it was made of. */
interface Token {
  /** Offsets in the line: the character, and any tag on it that belongs to the misreading. */
  start: number;
  end: number;
  lead: ByteOpt[];
  trail: ByteOpt[];
  /** A `?` stood before this character: two bytes between it and the last that could not be read. */
  unreadable?: boolean;
}

interface Option {
  text: string;
  lp: number;
  /** Read across a pair that vanished: where it vanished is itself a guess. */
  vanish?: boolean;
}

interface Hypothesis {
  /** Line offsets the run covers (the witness). */
  start: number;
  end: number;
  /** Candidate readings per restored position. */
  positions: Option[][];
  prior: number;
  /** Pinyin reading that the last restored character should have, if a tag follows the run. */
  tagAfter?: string;
  /** Extra reading appended after the restored characters (a swallowed `(`). */
  suffix: string;
  label: string;
}

const ALL_LEADS: ByteOpt[] = range(LEAD_MIN, LEAD_MAX).map((b) => ({ b, lp: 0 }));
const HIGH_TRAILS: ByteOpt[] = range(0x80, 0xfe).map((b) => ({ b, lp: 0 }));

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

let vanishBySide: Map<number, Set<number>> | undefined;
/**
 * Pairs (trail of one real character v1, lead of the next v2) that a misreading shows as nothing
 * (a user-defined or unassigned pair): for each v1, the v2 that complete one.
 */
function vanishingPairs(): Map<number, Set<number>> {
  if (!vanishBySide) {
    vanishBySide = new Map();
    for (let a = 0x81; a <= 0xfe; a++) {
      const seconds: number[] = [];
      for (let b = 0x81; b <= 0xfe; b++) {
        const ch = decodePair(a, b);
        if (ch !== '' && isPrivateUse(ch)) seconds.push(b);
      }
      if (seconds.length > 0) vanishBySide.set(a, new Set(seconds));
    }
  }
  return vanishBySide;
}

/** Does the pinyin syllable read the character (any reading of a polyphone, tone as written)? */
function reads(ch: string, syllable: string): boolean {
  return ch !== '' && readingFit(ch, syllable) >= 0.6;
}

function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/** 0: not looked up, 1: the page may hold it, 2: the page's conversion would have changed it. */
const pageFormCache = new Uint8Array(65536);
let traditionalCount: Map<string, number> | undefined;
/**
 * The cost of reading a character the page cannot have held. The page is the author's text
 * converted to traditional one character at a time, so a simplified character with exactly one
 * traditional form (关 → 關) never stood on it. Traditional characters, characters the same in
 * both scripts, and simplified characters with several traditional forms (干, 并, 后, 系: a
 * one-character converter without phrases keeps them) may have.
 */
function pageFormCost(model: CharModel, ch: string): number {
  const c = ch.charCodeAt(0);
  // Characters the page shows read in step stood on it, whatever its converter did.
  if (model.onPage?.(ch)) return 0;
  let v = pageFormCache[c]!;
  if (v === 0) {
    const table = tsCharacters();
    if (!traditionalCount) {
      traditionalCount = new Map();
      for (const [trad, simp] of table) if (trad !== simp) traditionalCount.set(simp, (traditionalCount.get(simp) ?? 0) + 1);
    }
    v = !table.has(ch) && traditionalCount.get(ch) === 1 ? 2 : 1;
    pageFormCache[c] = v;
  }
  if (v === 2) return NOT_PAGE_FORM_COST;
  // Full-width Latin letters, digits and symbols are rare in Chinese prose; its punctuation is not.
  if (c >= 0xff01 && c <= 0xff5e && !'，：；！？（）'.includes(ch)) return NOT_PAGE_FORM_COST;
  return 0;
}

const OPENERS: Record<string, string> = { '”': '“', '’': '‘', '）': '（', '》': '《', '」': '「', '』': '『', '】': '【' };
const OPENER_SET = new Set(Object.values(OPENERS));
/** How many closing quotes or brackets in the text have no opening one before them (given those already open). */
function unmatchedClosers(text: string, open: Map<string, number> = new Map()): number {
  const depth = new Map(open);
  let bad = 0;
  for (const raw of text) {
    const ch = raw === '(' ? '（' : raw === ')' ? '）' : raw;
    const opener = OPENERS[ch];
    if (opener) {
      const d = depth.get(opener) ?? 0;
      if (d > 0) depth.set(opener, d - 1);
      else bad++;
    } else if (OPENER_SET.has(ch)) {
      depth.set(ch, (depth.get(ch) ?? 0) + 1);
    }
  }
  return bad;
}

/** The quotes and brackets left open at the end of the text. */
function openAfter(text: string): Map<string, number> {
  const depth = new Map<string, number>();
  for (const raw of text) {
    const ch = raw === '(' ? '（' : raw === ')' ? '）' : raw;
    const opener = OPENERS[ch];
    if (opener) depth.set(opener, Math.max(0, (depth.get(opener) ?? 0) - 1));
    else if (OPENER_SET.has(ch)) depth.set(ch, (depth.get(ch) ?? 0) + 1);
  }
  return depth;
}

/** Is the character plausible in running Chinese text (seen by the model, or punctuation)? */
function plausible(model: CharModel, ch: string): boolean {
  if (ch === '' || isPrivateUse(ch)) return false;
  return model.logUnigram(ch) > -19;
}

/** Read a page character as bytes, or undefined if it cannot be part of a misread run. */
function tokenBytes(ch: string): { lead: ByteOpt[]; trail: ByteOpt[] } | undefined {
  const code = ch.charCodeAt(0);
  if (code >= 0x21 && code <= 0x7e) {
    // A full-width form folded to ASCII: ！ is A3A1, ～ is A3FE.
    return { lead: [{ b: 0xa3, lp: 0 }], trail: [{ b: code + 0x80, lp: 0 }] };
  }
  if (ch === ' ') return { lead: [{ b: 0xa1, lp: 0 }], trail: [{ b: 0xa1, lp: 0 }] };
  const pair = encodeChar(ch);
  if (pair === undefined) return undefined;
  const lead = pair >> 8;
  const trail = pair & 0xff;
  if (isPrivateUse(ch)) {
    // The lead byte is reliable, the trail byte only a hint: the true pair was also one that
    // shows as a private-use character, most often the very one shown, else a near one.
    const trails: ByteOpt[] = [];
    for (let t = 0x40; t <= 0xfe; t++) {
      if (!isTrail(t) || !isPrivateUse(decodePair(lead, t))) continue;
      trails.push({ b: t, lp: t === trail ? 0 : -(PUA_TRAIL_COST + PUA_TRAIL_DISTANCE_COST * Math.abs(t - trail)) });
    }
    return { lead: [{ b: lead, lp: 0 }], trail: trails };
  }
  return { lead: [{ b: lead, lp: 0 }], trail: [{ b: trail, lp: 0 }] };
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

/**
 * Two characters around a pair that vanished: (left, v1) and (v2, right). The halves are ranked
 * on their own first (against the neighbours' likeliest readings), then the best combinations.
 */
/** For a lead byte: the characters it makes with a trail byte that can begin a vanishing pair. */
const firstHalves = new Map<number, Array<{ ch: string; v1: number }>>();
/** For a trail byte: the characters it makes with a lead byte that can end a vanishing pair. */
const secondHalves = new Map<number, Array<{ ch: string; v2: number }>>();

function halvesBefore(model: CharModel, lead: number): Array<{ ch: string; v1: number }> {
  let out = firstHalves.get(lead);
  if (!out) {
    out = [];
    for (const v1 of vanishingPairs().keys()) {
      const a = decodePair(lead, v1);
      if (plausible(model, a)) out.push({ ch: a, v1 });
    }
    firstHalves.set(lead, out);
  }
  return out;
}

function halvesAfter(model: CharModel, trail: number): Array<{ ch: string; v2: number }> {
  let out = secondHalves.get(trail);
  if (!out) {
    out = [];
    for (let v2 = 0x81; v2 <= 0xfe; v2++) {
      const b = decodePair(v2, trail);
      if (plausible(model, b)) out.push({ ch: b, v2 });
    }
    secondHalves.set(trail, out);
  }
  return out;
}

function vanishOptions(model: CharModel, left: ByteOpt[], right: ByteOpt[], cost: number, prev: string, next: string): Option[] {
  const pairs = vanishingPairs();
  const firsts: Array<{ ch: string; v1: number; s: number; lp: number }> = [];
  for (const l of left) {
    // A vanished pair after a trail byte that is itself a guess is too far-fetched to try.
    if (!isLead(l.b) || l.lp < -PUA_TRAIL_COST / 2) continue;
    for (const { ch: a, v1 } of halvesBefore(model, l.b)) {
      const lp = l.lp - pageFormCost(model, a);
      firsts.push({ ch: a, v1, lp, s: model.logP(a, prev) + lp });
    }
  }
  const seconds: Array<{ ch: string; v2: number; s: number; lp: number }> = [];
  for (const r of right) {
    if (!isTrail(r.b) || r.lp < -PUA_TRAIL_COST / 2) continue;
    for (const { ch: b, v2 } of halvesAfter(model, r.b)) {
      const lp = r.lp - pageFormCost(model, b);
      seconds.push({ ch: b, v2, lp, s: (next ? model.logP(next, b) : model.logUnigram(b)) + lp });
    }
  }
  firsts.sort((x, y) => y.s - x.s);
  // Every second half is tried after each of the best first halves: the pair itself is a bigram.
  const out: Array<Option & { s: number }> = [];
  seconds.sort((x, y) => y.s - x.s);
  const topSeconds = seconds.slice(0, VANISH_SECONDS);
  for (const f of firsts.slice(0, VANISH_FIRSTS)) {
    const allowed = pairs.get(f.v1)!;
    for (const sec of topSeconds) {
      if (!allowed.has(sec.v2)) continue;
      out.push({ text: f.ch + sec.ch, lp: f.lp + sec.lp - cost, s: f.s + sec.s + model.logP(sec.ch, f.ch) });
    }
  }
  out.sort((x, y) => y.s - x.s);
  return out.slice(0, LOCAL_KEEP).map(({ text, lp }) => ({ text, lp, vanish: true }));
}

/** Viterbi over positions with a beam; returns the best path and its score. */
type State = { score: number; last: string; back: number; prevState: number };

/**
 * Beam states after each position, shared by the hypotheses of one trigger: they differ only in
 * where the run ends, so the positions before their last are the same arrays and are decoded once.
 */
type PrefixCache = WeakMap<Option[], { states: State[]; history: State[][] }>;

/** Viterbi over positions with a beam; returns the best path and its score. */
function decode(
  model: CharModel,
  positions: Option[][],
  leftContext: string,
  rightContext: string,
  tagAfter: string | undefined,
  cache?: PrefixCache,
): { score: number; choice: number[] } {
  let states: State[] = [{ score: 0, last: leftContext, back: -1, prevState: -1 }];
  let history: State[][] = [];
  let startAt = 0;
  if (cache) {
    for (let i = positions.length - 2; i >= 0; i--) {
      const hit = cache.get(positions[i]!);
      if (hit) {
        states = hit.states;
        history = [...hit.history];
        startAt = i + 1;
        break;
      }
    }
  }
  for (let i = startAt; i < positions.length; i++) {
    const opts = positions[i]!;
    const isLast = i === positions.length - 1;
    const best = new Map<string, State>();
    for (let si = 0; si < states.length; si++) {
      const s = states[si]!;
      for (let oi = 0; oi < opts.length; oi++) {
        const o = opts[oi]!;
        let sc = s.score + o.lp + model.score(o.text, s.last);
        const lastCh = o.text.slice(-1);
        if (isLast && tagAfter) sc += reads(lastCh, tagAfter) ? TAG_FIT_BONUS : -TAG_MISFIT_COST;
        const key = lastCh;
        const cur = best.get(key);
        if (!cur || sc > cur.score) best.set(key, { score: sc, last: lastCh, back: oi, prevState: si });
      }
    }
    let next = [...best.values()].sort((a, b) => b.score - a.score);
    if (next.length > BEAM) next = next.slice(0, BEAM);
    history.push(states);
    states = next;
    if (cache && !isLast) cache.set(opts, { states, history: [...history] });
  }
  let bestFinal = -Infinity;
  let bestIdx = -1;
  for (let si = 0; si < states.length; si++) {
    const s = states[si]!;
    const sc = s.score + model.score(rightContext, s.last);
    if (sc > bestFinal) {
      bestFinal = sc;
      bestIdx = si;
    }
  }
  const choice: number[] = new Array(positions.length).fill(0);
  let si = bestIdx;
  let st: State | undefined = states[si];
  for (let i = positions.length - 1; i >= 0 && st; i--) {
    choice[i] = st.back;
    si = st.prevState;
    st = history[i]![si];
  }
  return { score: bestFinal, choice };
}

/** The character before `at` that the model reads as context (pinyin tags skipped). */
function leftContext(line: string, at: number): string {
  return plainContext(line.slice(Math.max(0, at - 24), at)).slice(-1);
}

/** Strip pinyin tags from in-step context so the model reads plain text. */
function plainContext(text: string): string {
  return text.replace(/\([a-zü\u00e0-\u01dc\u0101-\u01ce]+\)/giu, '');
}

interface Trigger {
  /** Where the run may begin (the `?` or the first misread character). */
  start: number;
  /** Whether a `?` marks the lost lead byte. */
  marked: boolean;
}

/** Keep the best `LOCAL_KEEP` options of a position, judged with its neighbours' likeliest reading. */
function prune(model: CharModel, opts: Option[], prev: string, next: string): Option[] {
  if (opts.length <= LOCAL_KEEP) return opts;
  const scored = opts.map((o) => ({ o, s: o.lp + model.score(o.text, prev) + (next ? model.logP(next, o.text.slice(-1)) : 0) }));
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, LOCAL_KEEP).map((x) => x.o);
}

/** The options of one restored position: the pair (left, right), or a vanished pair between. */
function gapOptions(
  model: CharModel,
  left: ByteOpt[],
  right: ByteOpt[],
  unreadable: boolean,
  prev: string,
  next: string,
  tagged: ReadonlySet<string>,
  lastTag?: { syllable: string | undefined },
): Option[] {
  let opts: Option[];
  if (unreadable) {
    opts = vanishOptions(model, left, right, 0, prev, next);
  } else {
    const forced = left.length === 1 && right.length === 1;
    opts = pairOptions(model, left, right, forced);
    // A pair vanishes rarely: look for one only where the plain reading does not read well.
    const plainBest = Math.max(-Infinity, ...opts.map((o) => o.lp + model.score(o.text, prev) + (next ? model.logP(next, o.text.slice(-1)) : 0)));
    if (plainBest < VANISH_LOOK_BELOW) opts.push(...vanishOptions(model, left, right, VANISH_COST, prev, next));
  }
  if (tagged.size > 0) {
    // A character the page always tags stands only last, with its tag after the run.
    opts = opts.map((o) => {
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
  return prune(model, opts, prev, next);
}

/** The likeliest single character of a position, to give its neighbours context while pruning. */
function guessOf(left: ByteOpt[], right: ByteOpt[]): string {
  if (left.length === 1 && right.length === 1) return decodePair(left[0]!.b, right[0]!.b);
  return '';
}

interface End {
  /** How many tokens the run has when it ends here. */
  count: number;
  endOpts: ByteOpt[];
  end: number;
  label: string;
  tagAfter?: string;
  suffix: string;
  /** A `?` stands between the last token and the end. */
  unreadable?: boolean;
}

/** Build the hypotheses for a run starting at `trigger` in `line`. */
function hypotheses(model: CharModel, line: string, trigger: Trigger, tagged: ReadonlySet<string>): Hypothesis[] {
  let pos = trigger.start;
  let startOpts: ByteOpt[] = ALL_LEADS;
  const prior = trigger.marked ? 0 : -SILENT_START_COST;
  if (trigger.marked) {
    pos++;
    // `?qū)`: the lost byte and a tag's `(` collapsed; the tag read the character the previous
    // in-step trail byte made with the lost byte.
    // `?(qū)` likewise, when the `(` survived and the tag does not read the character before `?`.
    const whole = TAG_RE.exec(line.slice(pos));
    const before = trigger.start > 0 ? line[trigger.start - 1]! : '';
    const frag = TAG_FRAGMENT_RE.exec(line.slice(pos)) ?? (whole && !reads(before, whole[1]!) ? whole : null);
    if (frag && isPinyinSyllable(frag[1]!)) {
      const prevPair = trigger.start > 0 ? encodeChar(line[trigger.start - 1]!) : undefined;
      if (prevPair !== undefined) {
        const prevTrail = prevPair & 0xff;
        const syl = frag[1]!.toLowerCase();
        const fits = ALL_LEADS.filter((o) => isTrail(o.b) && reads(decodePair(prevTrail, o.b), syl));
        if (fits.length > 0) {
          startOpts = fits;
          pos += frag[0].length;
        }
      }
    }
  }

  // Read the page characters as bytes, noting every place the run could end.
  const tokens: Token[] = [];
  const ends: End[] = [];
  const tagAt = (i: number): string | undefined => {
    const tag = TAG_RE.exec(line.slice(i));
    return tag && isPinyinSyllable(tag[1]!) ? tag[1]!.toLowerCase() : undefined;
  };
  let unreadable = false;
  while (pos < line.length && tokens.length < MAX_TOKENS && ends.length < MAX_ENDS) {
    const ch = line[pos]!;
    const code = ch.charCodeAt(0);
    if (ch === '?') {
      // A `?` ends the run (a broken last pair) or stands for an unreadable pair inside it.
      const frag = TAG_FRAGMENT_RE.exec(line.slice(pos + 1));
      if (frag && isPinyinSyllable(frag[1]!)) {
        // `?jī)`: the broken pair swallowed the `(` of the real character's tag.
        ends.push({ count: tokens.length, endOpts: HIGH_TRAILS, end: pos + 1, label: 'broken pair that swallowed a (', tagAfter: frag[1]!.toLowerCase(), suffix: '(' });
      } else {
        ends.push({ count: tokens.length, endOpts: HIGH_TRAILS, end: pos + 1, label: 'broken pair', tagAfter: tagAt(pos + 1), suffix: '' });
      }
      unreadable = true;
      pos++;
      continue;
    }
    if (ch === '€') {
      ends.push({ count: tokens.length, endOpts: [{ b: 0x80, lp: 0 }], end: pos + 1, label: 'lone byte 0x80', suffix: '' });
      break;
    }
    if (code >= 0x40 && code <= 0x7e) {
      // Possibly the trail byte of the last real character, read in step again.
      ends.push({ count: tokens.length, endOpts: [{ b: code, lp: 0 }], end: pos + 1, label: 'ASCII trail byte', tagAfter: tagAt(pos + 1), suffix: '', unreadable });
    }
    if (ch === '(' && tokens.length > 0) {
      // A tag that the tagger put on a misread character: not part of the byte stream.
      const syl = tagAt(pos);
      const prev = tokens[tokens.length - 1]!;
      if (syl && !unreadable && reads(line[prev.start]!, syl)) {
        const len = TAG_RE.exec(line.slice(pos))![0].length;
        prev.end = pos + len;
        pos += len;
        continue;
      }
    }
    const bytes = tokenBytes(ch);
    if (!bytes) break;
    tokens.push({ start: pos, end: pos + 1, ...bytes, unreadable });
    unreadable = false;
    const trail = bytes.trail.length === 1 ? bytes.trail[0]!.b : -1;
    if (trail >= 0x40 && trail <= 0x7e && code >= 0x80) {
      // The last real trail byte and an ASCII byte after it made one character: in step after it.
      ends.push({ count: tokens.length - 1, endOpts: bytes.lead, end: pos + 1, label: 'ASCII byte read into the last pair', suffix: String.fromCharCode(trail), unreadable: tokens[tokens.length - 1]!.unreadable });
    }
    pos++;
  }

  // Restored position i pairs the trail side of token i-1 (the lost lead for i = 0) with the
  // lead side of token i. Positions before the last are shared by every end.
  const lefts: ByteOpt[][] = [startOpts, ...tokens.map((t) => t.trail)];
  const guesses = tokens.map((t, i) => guessOf(lefts[i]!, t.lead));
  const shared: Option[][] = [];
  const sharedAt = (i: number): Option[] => {
    while (shared.length <= i) {
      const k = shared.length;
      const prev = k === 0 ? leftContext(line, trigger.start) : guesses[k - 1] ?? '';
      shared.push(gapOptions(model, lefts[k]!, tokens[k]!.lead, tokens[k]!.unreadable ?? false, prev, guesses[k + 1] ?? '', tagged));
    }
    return shared[i]!;
  };
  const out: Hypothesis[] = [];
  for (const e of ends) {
    // A run with no misread character at all is only a vanished pair after a tag (`?(chēng)M`).
    if (e.count === 0 && startOpts === ALL_LEADS) continue;
    const positions: Option[][] = [];
    let ok = true;
    for (let i = 0; i < e.count; i++) {
      const opts = sharedAt(i);
      if (opts.length === 0) {
        ok = false;
        break;
      }
      positions.push(opts);
    }
    if (!ok) continue;
    const last = gapOptions(model, lefts[e.count]!, e.endOpts, e.unreadable ?? false, guesses[e.count - 1] ?? '', '', tagged, { syllable: e.tagAfter });
    if (last.length === 0) continue;
    positions.push(last);
    out.push({ start: trigger.start, end: e.end, positions, prior, tagAfter: e.tagAfter, suffix: e.suffix, label: e.label });
  }
  return out;
}

/** Score one hypothesis over the window [windowStart, windowEnd) of the line. */
function scoreHypothesis(
  model: CharModel,
  line: string,
  h: Hypothesis,
  windowEnd: number,
  cache: PrefixCache,
): { score: number; choice: number[]; left: string; right: string } {
  const left = leftContext(line, h.start);
  const right = plainContext(line.slice(h.end, windowEnd));
  const d = decode(model, h.positions, left, right, h.tagAfter, cache);
  return { score: d.score + h.prior, choice: d.choice, left, right };
}

/** The score of the line read as it stands (no run), over the same window. */
function scoreAsIs(model: CharModel, line: string, start: number, windowEnd: number): number {
  const left = leftContext(line, start);
  let text = plainContext(line.slice(start, windowEnd));
  // A `?` read as it stands is a question mark or a lost space.
  text = text.replace(/\?/g, '？');
  return model.score(text, left);
}

/**
 * The line with every suspect stretch (from a trigger to the next ASCII letter or `?`, at most
 * 40 characters) blanked out: what a page-adapted model may learn from without learning the
 * mojibake itself.
 */
export function withoutSuspects(line: string): string {
  const triggers = findTriggers(line);
  if (triggers.length === 0) return line;
  const chars = line.split('');
  for (const t of triggers) {
    for (let i = t.start; i < Math.min(line.length, t.start + 40); i++) {
      const c = line.charCodeAt(i);
      if (i > t.start && ((c >= 0x40 && c <= 0x7e) || c === 0x3f)) break;
      chars[i] = '\n';
    }
  }
  return chars.join('');
}

export function findTriggers(line: string): Trigger[] {
  const out: Trigger[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '?') {
      const next = line[i + 1] ?? '';
      const prev = line[i - 1] ?? '';
      if (next === '' || /\s/.test(next)) continue; // a lost space or a real question mark at the end
      if (/[\x21-\x7e]/.test(prev) && /[\x21-\x7e]/.test(next) && prev !== ')') continue; // Latin text: a?b
      out.push({ start: i, marked: true });
    } else if (isPrivateUse(ch) || ch === '€') {
      out.push({ start: i, marked: false });
    }
  }
  return out;
}

/** Find and realign the mojibake runs of one line. */
export function realignLine(line: string, options: RealignOptions = {}): RealignFix[] {
  const model = options.model ?? chineseModel();
  const acceptMargin = options.acceptMargin ?? 3;
  const charMargin = options.charMargin ?? 2;
  const fixes: RealignFix[] = [];
  let covered = 0;
  for (const trig of findTriggers(line)) {
    if (trig.start < covered) continue;
    const starts: Trigger[] = trig.marked ? [trig] : silentStarts(line, trig.start, covered);
    const hyps = starts.flatMap((t) => hypotheses(model, line, t, options.tagged ?? NO_TAGS));
    if (hyps.length === 0) continue;
    const windowStart = Math.min(...hyps.map((h) => h.start));
    const maxEnd = Math.max(...hyps.map((h) => h.end));
    const windowEnd = Math.min(line.length, maxEnd + RIGHT_CONTEXT);
    const asIs = scoreAsIs(model, line, windowStart, windowEnd);
    const cache: PrefixCache = new WeakMap();
    const scored = hyps.map((h) => ({ h, ...scoreHypothesis(model, line, h, windowEnd, cache) }));
    // Runs that start later than the window start read the text before them as it stands.
    for (const s of scored) {
      if (s.h.start > windowStart) s.score += scoreAsIs(model, line.slice(0, s.h.start), windowStart, s.h.start);
    }
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0]!;
    const bestReading = readingOf(best);
    const rivals = [asIs, ...scored.slice(1).filter((s) => readingOf(s) !== bestReading || s.h.end !== best.h.end).map((s) => s.score)];
    const rival = Math.max(...rivals);
    const margin = best.score - rival;
    if (best.score <= asIs) continue; // read as it stands: not a run
    const leftText = plainContext(line.slice(Math.max(0, best.h.start - 24), best.h.start)).slice(-WORD_CONTEXT);
    const rightText = plainContext(line.slice(best.h.end, best.h.end + 24)).slice(0, WORD_CONTEXT);
    const { texts, margins } = refine(model, best, leftText, rightText, plainContext(line.slice(0, best.h.start)));
    let lacunae = 0;
    let text: string;
    if (margin < acceptMargin) {
      // The run itself is not clear: every character it stands for is a lacuna.
      lacunae = texts.join('').length;
      text = LACUNA.repeat(lacunae) + best.h.suffix;
    } else {
      text = texts.map((t, i) => (margins[i]! < charMargin ? LACUNA.repeat(t.length) : t)).join('') + best.h.suffix;
      lacunae = [...text].filter((c) => c === LACUNA).length;
    }
    const decided = margins.filter((m, i) => m >= charMargin || positions(best)[i]!.length < 2);
    const guessedVanish = best.h.positions.some((p, i) => p.find((o) => o.text === texts[i])?.vanish);
    let confidence = lacunae > 0 ? Math.min(0.5, confidenceOf(margin)) : confidenceOf(Math.min(margin, ...decided));
    // A vanished pair leaves no mark, so a long run, or one with private-use characters (whose
    // neighbours vanish alike), may hide one the search passed over: never quite sure then.
    const hasPrivateUse = [...line.slice(best.h.start, best.h.end)].some(isPrivateUse);
    if (guessedVanish || hasPrivateUse || texts.join('').length >= LONG_RUN) confidence = Math.min(confidence, VANISH_CONFIDENCE_CAP);
    // A tag after the run belongs to its last character; with that character lost, so is the tag.
    let end = best.h.end;
    const tagAfterRun = TAG_RE.exec(line.slice(end)) ?? (best.h.suffix === '(' ? TAG_FRAGMENT_RE.exec(line.slice(end)) : null);
    if (best.h.tagAfter && text.replace(/\($/, '').endsWith(LACUNA) && tagAfterRun) {
      end += tagAfterRun[0].length;
      text = text.replace(/\($/, '');
    }
    fixes.push({
      start: best.h.start,
      end,
      reading: text,
      confidence,
      lacunae,
      note: `GBK bytes read one byte out of step (${best.h.label}); margin ${margin.toFixed(1)} nats over the next reading`,
    });
    covered = end;
  }
  return fixes;
}

function positions(s: Scored): Option[][] {
  return s.h.positions;
}

function readingOf(s: { h: Hypothesis; choice: number[] }): string {
  return s.h.positions.map((p, i) => p[s.choice[i]!]!.text).join('') + s.h.suffix;
}

/** Silent starts: the lost lead byte left no mark, so the run may begin a few characters earlier. */
function silentStarts(line: string, at: number, floor: number): Trigger[] {
  const out: Trigger[] = [];
  for (let s = at; s >= Math.max(floor, at - 6); s--) {
    const ch = line[s]!;
    if (s < at && (ch.charCodeAt(0) < 0x80 || !isHan(ch) && !isPrivateUse(ch))) break;
    out.push({ start: s, marked: false });
  }
  return out;
}

function confidenceOf(margin: number): number {
  return Math.max(0, Math.min(0.999, 1 - Math.exp(-margin / CONFIDENCE_SCALE)));
}

type Scored = { h: Hypothesis; choice: number[]; left: string; right: string };

/**
 * The word-aware pass: the bigram search proposes, the word model (a max-probability
 * segmentation over the run and its context) decides. Position by position, the best few options
 * are tried in the whole reading; the one with the highest total stays. Returns the chosen texts
 * and, for each position, how much its choice beats the best other (Infinity where it had none).
 */
function refine(model: CharModel, best: Scored, leftText: string, rightText: string, linePrefix: string): { texts: string[]; margins: number[] } {
  const open = openAfter(linePrefix);
  const recent = linePrefix.slice(-NEAR_OPEN);
  const nearOpen = (open.get('（') ?? 0) > 0 && /[（(][^）)]*$/.test(recent);
  const positions = best.h.positions;
  const chosen = positions.map((_, i) => best.choice[i]!);
  const texts = () => chosen.map((c, i) => positions[i]![c]!.text);
  // Alternatives at one position are compared on a window around it: the rest is the same.
  const total = (ts: string[], i: number, o: Option): number => {
    const joined = ts.join('');
    let sc = o.lp;
    const last = ts[ts.length - 1]!.slice(-1);
    if (best.h.tagAfter && i === ts.length - 1) sc += reads(last, best.h.tagAfter) ? TAG_FIT_BONUS : -TAG_MISFIT_COST;
    sc -= UNMATCHED_CLOSER_COST * unmatchedClosers(joined, open);
    // A bracket opened just before the run (（三…) expects its closer soon.
    if (nearOpen && ts[i]!.includes('）')) sc += NEAR_CLOSER_BONUS;
    const full = leftText + joined + rightText;
    let at = leftText.length;
    for (let k = 0; k < i; k++) at += ts[k]!.length;
    const from = Math.max(0, at - REFINE_WINDOW);
    const to = Math.min(full.length, at + ts[i]!.length + REFINE_WINDOW);
    const window = full.slice(from, to);
    return sc + model.score(window, from > 0 ? full.slice(Math.max(0, from - 2), from) : best.left) + WORD_WEIGHT * model.wordScore(window);
  };
  const margins: number[] = positions.map(() => Infinity);
  for (let sweep = 0, changed = true; sweep < 2 && changed; sweep++) {
    changed = false;
    for (let i = 0; i < positions.length; i++) {
      const opts = positions[i]!;
      if (opts.length < 2) continue;
      const current = texts();
      const prev = i === 0 ? best.left : current[i - 1]!.slice(-1);
      const next = i + 1 < current.length ? current[i + 1]!.slice(0, 1) : rightText.slice(0, 1);
      const local = opts
        .map((o, oi) => ({ oi, s: o.lp + model.score(o.text, prev) + (next ? model.logP(next, o.text.slice(-1)) : 0) }))
        .sort((a, b) => b.s - a.s)
        .slice(0, REFINE_KEEP);
      if (!local.some((l) => l.oi === chosen[i])) local.push({ oi: chosen[i]!, s: 0 });
      const scored = local.map(({ oi }) => {
        const ts = [...current];
        ts[i] = opts[oi]!.text;
        return { oi, t: total(ts, i, opts[oi]!) };
      });
      scored.sort((a, b) => b.t - a.t);
      if (chosen[i] !== scored[0]!.oi) changed = true;
      chosen[i] = scored[0]!.oi;
      const other = scored.find((x) => opts[x.oi]!.text !== opts[scored[0]!.oi]!.text);
      margins[i] = other ? scored[0]!.t - other.t : Infinity;
    }
  }
  return { texts: texts(), margins };
}
