// Layer 4 of the damage model: byte-level mojibake runs. The page was GBK bytes; for a stretch the
// bytes were read one byte out of step (the first character's lead byte is lost as `?`, then each
// decoded character is one real character's trail byte plus the next one's lead byte) until an
// ASCII byte puts the reader back in step. User-defined pairs show as private-use characters,
// sometimes with a wrong trail byte, sometimes not at all; a tag can sit on a misread character.

import { decodePair, decodeSingle, gbkBytes, hex, isPrivateUse, isUserDefinedPair, userDefinedTrailRange } from './gbk.ts';
import { isTaggable, readingsOf } from './pinyin.ts';
import type { Rng } from './prng.ts';
import { TracedBuilder, isTraced, tracedChars, traceClean, type Traced } from './traced.ts';

export interface Span {
  start: number;
  end: number;
}

/** How a run begins. */
export type RunStart =
  | 'lost-lead' // the first character's lead byte is read alone: `?`
  | 'tag-start'; // the tagger tagged the misread pair (previous trail + first lead); that lead then broke on the tag's `(`

/** How a run ends (what put the reader back in step). */
export type RunEnd =
  | 'ascii-trail' // the last character's trail byte is 0x40–0x7E and shows as that ASCII character (`C` of 機)
  | 'euro' // the last character's trail byte is 0x80, shown as `€`
  | 'broken' // the last trail byte is followed by a real ASCII byte < 0x40 (a tag's `(`, a digit): `?`
  | 'broken-swallowed' // the same, but the `?` swallowed the ASCII byte too
  | 'ascii-pair' // the last trail byte paired with a following ASCII letter (0x40–0x7E) into one character
  | 'text-end'; // the text ended mid-pair

/** One thing the out-of-step reader did, with the bytes behind it. */
export interface ReadUnit {
  /** What the page shows for it ('' for a vanished pair); before the width fold. */
  shown: string;
  /** The bytes it consumed, in page byte order (including inserted tag bytes). */
  bytes: number[];
  kind:
    | 'lost' // a lead byte read alone
    | 'pair' // a misread pair shown as an ordinary character
    | 'pua' // a misread user-defined pair shown as its private-use character
    | 'perturbed' // a user-defined pair shown as a private-use character with a wrong trail byte
    | 'vanished' // a user-defined pair that left no character
    | 'unreadable' // a pair with no character mapped: `?`
    | 'broken' // a byte ≥ 0x80 followed by an ASCII byte < 0x40 (or nothing): `?`
    | 'ascii' // the in-step ASCII trail byte that ends the run
    | 'euro' // the lone byte 0x80
    | 'tag'; // a pinyin tag the tagger put on a misread character (inserted bytes)
  /** For 'perturbed': the trail byte the page's character implies (the real one is bytes[1]). */
  shownTrail?: number;
  /** How many of `bytes` (at the end) were inserted by the tagger rather than part of the text. */
  inserted?: number;
}

export interface RunFeatures {
  /** Private-use characters shown (true trail). */
  pua: number;
  /** Private-use characters shown with a perturbed trail byte. */
  perturbed: number;
  /** User-defined pairs that vanished (each hides two bytes). */
  vanished: number;
  /** Misread pairs with no character (`?`). */
  unreadable: number;
  /** Tags the tagger put on misread characters inside the run. */
  taggedMisread: number;
  /** The run starts with a tag on the misread pair before its first character. */
  tagStart: boolean;
  /** At a tag start, the lost lead byte and the tag's `(` collapsed into one `?`. */
  swallowedStart: boolean;
  /** The closing broken pair swallowed the ASCII byte after it. */
  swallowedEnd: boolean;
}

export interface SimulatedRun {
  /** Where the damaged stretch stands in the output text (the `?` … the in-step ASCII byte). */
  page: Span;
  /** Exactly what the output shows there. */
  witness: string;
  /** The span of the clean text the damaged characters stand for (from the input's tracing). */
  clean: Span;
  /**
   * What the output would show there had the bytes been read in step: the damaged characters, and
   * a swallowed ASCII byte after them (which may be the `(` of the last character's tag).
   */
  undamaged: string;
  /** Real characters read out of step (the first, whose lead was lost, included; a swallowed ASCII byte not). */
  length: number;
  start: RunStart;
  end: RunEnd;
  features: RunFeatures;
  reads: ReadUnit[];
  /** Hex of the real bytes of the damaged characters, for reports. */
  bytes: string;
}

/** The choices inside a run; random by default, forced in tests. */
export interface RunDecider {
  /** Whether this user-defined pair vanishes. */
  vanish(lead: number, trail: number): boolean;
  /** A wrong trail byte to show this user-defined pair with, or undefined for the true one. */
  perturb(lead: number, trail: number): number | undefined;
  /** Whether a broken pair swallows the ASCII byte after it. */
  swallow(ascii: number, where: 'start' | 'end'): boolean;
  /** The reading of a tag the tagger puts on this misread character, or undefined for none. */
  tagMisread(ch: string): string | undefined;
}

export interface MisalignOptions {
  /** Runs to place: a number or an inclusive range. Default [1, 3]. */
  runs?: number | [number, number];
  /** Fewest real characters a run damages. Default 2. */
  minLength?: number;
  /** Most real characters a run damages. Default 20. */
  maxLength?: number;
  /** Probability that a misread user-defined pair vanishes. Default 0.15. */
  vanish?: number;
  /** Probability that a shown user-defined pair has a wrong trail byte. Default 0.2. */
  perturb?: number;
  /** Probability that a broken pair swallows the ASCII byte after it (never a newline). Default 0.4. */
  swallow?: number;
  /** Probability that the tagger tags a misread character outside GB2312. Default 0.05. */
  tagMisread?: number;
  /** Probability that a run starts with a tag on the misread pair before it, where one can. Default 0.5. */
  tagStart?: number;
  /** Where runs may lie (UTF-16 spans of the input). Default: the whole input. */
  allowed?: Span[];
  /** At most this many runs in one allowed span (e.g. 1 = one run per paragraph). Default: no limit. */
  maxPerRegion?: number;
}

export const MISALIGN_DEFAULTS: Required<Omit<MisalignOptions, 'allowed' | 'maxPerRegion'>> = {
  runs: [1, 3],
  minLength: 2,
  maxLength: 20,
  vanish: 0.15,
  perturb: 0.2,
  swallow: 0.4,
  tagMisread: 0.05,
  tagStart: 0.5,
};

interface Token {
  ch: string;
  at: number;
  from: number;
  to: number;
  bytes: number[];
}

function tokenize(t: Traced): Token[] {
  const out: Token[] = [];
  for (const { ch, at, from, to } of tracedChars(t)) out.push({ ch, at, from, to, bytes: gbkBytes(ch) });
  return out;
}

const lead = (t: Token): number => t.bytes[0] ?? 0;
const trail = (t: Token): number => t.bytes[1] ?? 0;

interface Extent {
  /** Index of the last double-byte token whose trail byte the reader takes as a lead. */
  k: number;
  end: Exclude<RunEnd, 'broken-swallowed'>;
}

/** Where a run starting at token i ends: reading is out of step until an ASCII byte. */
function extentFrom(tokens: Token[], i: number): Extent {
  let j = i;
  for (;;) {
    const tb = trail(tokens[j] as Token);
    if (tb < 0x80) return { k: j, end: 'ascii-trail' };
    if (tb === 0x80) return { k: j, end: 'euro' };
    const next = tokens[j + 1];
    if (!next) return { k: j, end: 'text-end' };
    if (next.bytes.length === 1) {
      const nb = lead(next);
      return { k: j, end: nb >= 0x40 && nb <= 0x7e ? 'ascii-pair' : 'broken' };
    }
    j++;
  }
}

function tagBytes(reading: string): number[] {
  return [...`(${reading})`].flatMap((c) => gbkBytes(c));
}

/** The random decider a page uses. */
export function randomDecider(
  rng: Rng,
  o: Pick<Required<MisalignOptions>, 'vanish' | 'perturb' | 'swallow' | 'tagMisread'> = MISALIGN_DEFAULTS,
): RunDecider {
  return {
    vanish: () => rng.chance(o.vanish),
    perturb(l, t) {
      if (!isUserDefinedPair(l, t) || !rng.chance(o.perturb)) return undefined;
      const [lo, hi] = userDefinedTrailRange(l);
      for (let n = 0; n < 20; n++) {
        const d = rng.int(1, 24) * (rng.chance(0.5) ? 1 : -1);
        const t2 = t + d;
        if (t2 < lo || t2 > hi || t2 === 0x7f) continue;
        if (isPrivateUse(decodePair(l, t2))) return t2;
      }
      return undefined;
    },
    swallow: (ascii) => ascii !== 0x0a && ascii !== 0x0d && rng.chance(o.swallow),
    tagMisread(ch) {
      if (!isTaggable(ch) || !rng.chance(o.tagMisread)) return undefined;
      const rs = readingsOf(ch);
      return rng.chance(0.85) ? rs[0] : rng.pick(rs);
    },
  };
}

const NEVER: RunDecider = {
  vanish: () => false,
  perturb: () => undefined,
  swallow: () => false,
  tagMisread: () => undefined,
};

interface RunPlan {
  i: number;
  extent: Extent;
  start: RunStart;
  /** For a tag start: the reading of the misread pair before the run. */
  startReading?: string;
}

/** The misread pair (previous trail + first lead) a tag start would tag, if it is taggable. */
function tagStartCandidate(tokens: Token[], i: number): string | undefined {
  const prev = tokens[i - 1];
  const first = tokens[i];
  if (!prev || !first || prev.bytes.length !== 2 || prev.from < 0) return undefined;
  const ch = decodePair(trail(prev), lead(first));
  return ch && isTaggable(ch) ? ch : undefined;
}

/** Writes one run into the builder; returns the run (page offsets relative to the builder) and the next token. */
function readRun(
  tokens: Token[],
  plan: RunPlan,
  decide: RunDecider,
  b: TracedBuilder,
): { run: SimulatedRun; resume: number } {
  const { i, extent } = plan;
  const { k } = extent;
  const reads: ReadUnit[] = [];
  const pageStart = b.length;
  const first = tokens[i] as Token;
  const f: RunFeatures = {
    pua: 0,
    perturbed: 0,
    vanished: 0,
    unreadable: 0,
    taggedMisread: 0,
    tagStart: plan.start === 'tag-start',
    swallowedStart: false,
    swallowedEnd: false,
  };

  // The start: the lead byte of the first character is read alone.
  if (plan.start === 'tag-start' && plan.startReading) {
    const tb = tagBytes(plan.startReading);
    const swallowed = decide.swallow(0x28, 'start');
    f.swallowedStart = swallowed;
    b.push('?', first.from, first.to);
    reads.push({ shown: '?', bytes: swallowed ? [lead(first), 0x28] : [lead(first)], kind: 'broken', inserted: swallowed ? 1 : 0 });
    const rest = swallowed ? `${plan.startReading})` : `(${plan.startReading})`;
    b.insert(rest);
    reads.push({ shown: rest, bytes: swallowed ? tb.slice(1) : tb, kind: 'tag', inserted: swallowed ? tb.length - 1 : tb.length });
  } else {
    b.push('?', first.from, first.to);
    reads.push({ shown: '?', bytes: [lead(first)], kind: 'lost' });
  }

  // The out-of-step pairs: trail of token j + lead of token j+1.
  for (let j = i; j < k; j++) {
    const a = tokens[j] as Token;
    const c = tokens[j + 1] as Token;
    const l = trail(a);
    const t = lead(c);
    const ch = decodePair(l, t);
    if (ch === '') {
      b.push('?', a.from, c.to);
      reads.push({ shown: '?', bytes: [l, t], kind: 'unreadable' });
      f.unreadable++;
      continue;
    }
    if (isPrivateUse(ch)) {
      if (decide.vanish(l, t)) {
        reads.push({ shown: '', bytes: [l, t], kind: 'vanished' });
        f.vanished++;
        continue;
      }
      const t2 = decide.perturb(l, t);
      const shownCh = t2 === undefined ? '' : decodePair(l, t2);
      if (t2 !== undefined && isPrivateUse(shownCh)) {
        b.push(shownCh, a.from, c.to);
        reads.push({ shown: shownCh, bytes: [l, t], kind: 'perturbed', shownTrail: t2 });
        f.perturbed++;
      } else {
        b.push(ch, a.from, c.to);
        reads.push({ shown: ch, bytes: [l, t], kind: 'pua' });
        f.pua++;
      }
      continue;
    }
    b.push(ch, a.from, c.to);
    reads.push({ shown: ch, bytes: [l, t], kind: 'pair' });
    const reading = decide.tagMisread(ch);
    if (reading) {
      const tag = `(${reading})`;
      b.insert(tag);
      const tb = tagBytes(reading);
      reads.push({ shown: tag, bytes: tb, kind: 'tag', inserted: tb.length });
      f.taggedMisread++;
    }
  }

  // The end: the trail byte of token k, read as a lead.
  const last = tokens[k] as Token;
  const tb = trail(last);
  let resume = k + 1;
  let end: RunEnd = extent.end;
  let coveredTo = k;
  switch (extent.end) {
    case 'ascii-trail':
    case 'euro': {
      const s = decodeSingle(tb);
      b.push(s, last.from, last.to);
      reads.push({ shown: s, bytes: [tb], kind: extent.end === 'euro' ? 'euro' : 'ascii' });
      break;
    }
    case 'text-end':
      b.push('?', last.from, last.to);
      reads.push({ shown: '?', bytes: [tb], kind: 'broken' });
      break;
    case 'broken': {
      const next = tokens[k + 1] as Token;
      const nb = lead(next);
      if (decide.swallow(nb, 'end')) {
        end = 'broken-swallowed';
        f.swallowedEnd = true;
        const real = next.from >= 0;
        b.push('?', last.from, real ? next.to : last.to);
        reads.push({ shown: '?', bytes: [tb, nb], kind: 'broken', inserted: real ? 0 : 1 });
        resume = k + 2;
        coveredTo = k + 1;
      } else {
        b.push('?', last.from, last.to);
        reads.push({ shown: '?', bytes: [tb], kind: 'broken' });
      }
      break;
    }
    case 'ascii-pair': {
      const next = tokens[k + 1] as Token;
      const nb = lead(next);
      const ch = decodePair(tb, nb) || '?';
      b.push(ch, last.from, next.from >= 0 ? next.to : last.to);
      reads.push({ shown: ch, bytes: [tb, nb], kind: ch === '?' ? 'unreadable' : 'pair' });
      resume = k + 2;
      if (next.from >= 0) coveredTo = k + 1;
      break;
    }
  }

  const covered = tokens.slice(i, coveredTo + 1);
  const realFrom = covered.filter((t) => t.from >= 0);
  const run: SimulatedRun = {
    page: { start: pageStart, end: b.length },
    witness: reads.map((r) => r.shown).join(''),
    clean: {
      start: Math.min(...realFrom.map((t) => t.from)),
      end: Math.max(...realFrom.map((t) => t.to)),
    },
    undamaged: covered.map((t) => t.ch).join(''),
    length: tokens.slice(i, (extent.end === 'ascii-pair' ? coveredTo : k) + 1).filter((t) => t.from >= 0).length,
    start: plan.start,
    end,
    features: f,
    reads,
    bytes: hex(covered.flatMap((t) => t.bytes)),
  };
  return { run, resume };
}

/** Reads the whole token list, out of step at the planned runs. */
function readAll(tokens: Token[], plans: RunPlan[], decide: RunDecider): { text: Traced; runs: SimulatedRun[] } {
  const b = new TracedBuilder();
  const runs: SimulatedRun[] = [];
  const byStart = new Map(plans.map((p) => [p.i, p]));
  for (let n = 0; n < tokens.length; ) {
    const plan = byStart.get(n);
    if (plan) {
      const { run, resume } = readRun(tokens, plan, decide, b);
      runs.push(run);
      n = resume;
      continue;
    }
    const t = tokens[n] as Token;
    b.push(t.ch, t.from, t.to);
    n++;
  }
  return { text: b.build(), runs };
}

/** The tokens a run from token i occupies, including the neighbour before it and a swallowed byte after. */
function occupied(i: number, e: Extent): [number, number] {
  return [i - 1, e.k + 2];
}

/**
 * Places random runs in the text and reads it out of step there.
 * Runs start at random double-byte characters; a run's length is what the bytes give (it ends at
 * the first ASCII byte), so for each run a length is drawn uniformly from [minLength, maxLength]
 * and the start is drawn among those whose bytes give that length (or the nearest one available).
 */
export function misalignRuns(input: string, rng: Rng, options?: MisalignOptions): { text: string; runs: SimulatedRun[] };
export function misalignRuns(input: Traced, rng: Rng, options?: MisalignOptions): { text: Traced; runs: SimulatedRun[] };
export function misalignRuns(
  input: string | Traced,
  rng: Rng,
  options: MisalignOptions = {},
): { text: string | Traced; runs: SimulatedRun[] } {
  const o = { ...MISALIGN_DEFAULTS, ...options };
  const t = isTraced(input) ? input : traceClean(input);
  const tokens = tokenize(t);
  const allowed = options.allowed ?? [{ start: 0, end: t.text.length }];
  const regionOf = (tok: Token): number => allowed.findIndex((s) => tok.at >= s.start && tok.at < s.end);

  const want = typeof o.runs === 'number' ? o.runs : rng.int(o.runs[0], o.runs[1]);
  // Every possible start with the run its bytes give.
  const options_: Array<{ i: number; extent: Extent; length: number; region: number }> = [];
  tokens.forEach((tok, i) => {
    if (tok.bytes.length !== 2 || tok.from < 0) return;
    const region = regionOf(tok);
    if (region < 0) return;
    const extent = extentFrom(tokens, i);
    const last = extent.k + (extent.end === 'ascii-pair' && (tokens[extent.k + 1]?.from ?? -1) >= 0 ? 1 : 0);
    if (regionOf(tokens[last] as Token) !== region) return;
    const length = tokens.slice(i, last + 1).filter((x) => x.from >= 0).length;
    if (length >= o.minLength && length <= o.maxLength) options_.push({ i, extent, length, region });
  });
  const used = new Uint8Array(tokens.length + 2);
  const isFree = (i: number, e: Extent): boolean => {
    const [a, z] = occupied(i, e);
    for (let n = Math.max(0, a); n <= z; n++) if (used[n]) return false;
    return true;
  };
  const perRegion = new Map<number, number>();
  const plans: RunPlan[] = [];
  while (plans.length < want) {
    // A length drawn uniformly from the range, then a start whose bytes give it (or the nearest length).
    const target = rng.int(o.minLength, o.maxLength);
    const free = options_.filter(
      (c) => isFree(c.i, c.extent) && (perRegion.get(c.region) ?? 0) < (options.maxPerRegion ?? Infinity),
    );
    if (free.length === 0) break;
    const best = Math.min(...free.map((c) => Math.abs(c.length - target)));
    const pick = rng.pick(free.filter((c) => Math.abs(c.length - target) === best));
    const [a, z] = occupied(pick.i, pick.extent);
    for (let n = Math.max(0, a); n <= z; n++) used[n] = 1;
    perRegion.set(pick.region, (perRegion.get(pick.region) ?? 0) + 1);
    const plan: RunPlan = { i: pick.i, extent: pick.extent, start: 'lost-lead' };
    const tagCh = tagStartCandidate(tokens, pick.i);
    if (tagCh && rng.chance(o.tagStart)) {
      const rs = readingsOf(tagCh);
      plan.start = 'tag-start';
      plan.startReading = rng.chance(0.85) ? rs[0] : rng.pick(rs);
    }
    plans.push(plan);
  }
  plans.sort((p, q) => p.i - q.i);
  const { text, runs } = readAll(tokens, plans, randomDecider(rng, o));
  return { text: isTraced(input) ? text : text.text, runs };
}

export interface SimulateRunOptions {
  /** How the run starts. Default 'lost-lead'. A tag start needs a taggable misread pair before it. */
  start?: RunStart;
  /** The tag reading at a tag start. Default: the misread character's first reading. */
  startReading?: string;
  /** Forced choices inside the run. Default: nothing vanishes, nothing is perturbed, nothing swallowed, no tags. */
  decide?: Partial<RunDecider>;
}

/**
 * Reads the text out of step from the character at UTF-16 offset `start` (a double-byte
 * character) until the bytes bring the reader back in step. Deterministic: every choice inside the
 * run comes from `options.decide`.
 */
export function simulateRun(input: string, start: number, options?: SimulateRunOptions): { text: string; run: SimulatedRun };
export function simulateRun(input: Traced, start: number, options?: SimulateRunOptions): { text: Traced; run: SimulatedRun };
export function simulateRun(
  input: string | Traced,
  start: number,
  options: SimulateRunOptions = {},
): { text: string | Traced; run: SimulatedRun } {
  const t = isTraced(input) ? input : traceClean(input);
  const tokens = tokenize(t);
  const i = tokens.findIndex((tok) => tok.at === start);
  if (i < 0 || (tokens[i] as Token).bytes.length !== 2) throw new Error(`no double-byte character at ${start}`);
  const plan: RunPlan = { i, extent: extentFrom(tokens, i), start: options.start ?? 'lost-lead' };
  if (plan.start === 'tag-start') {
    const ch = tagStartCandidate(tokens, i);
    const reading = options.startReading ?? (ch ? readingsOf(ch)[0] : undefined);
    if (!reading) throw new Error(`no taggable misread pair before ${start}`);
    plan.startReading = reading;
  }
  const { text, runs } = readAll(tokens, [plan], { ...NEVER, ...options.decide });
  return { text: isTraced(input) ? text : text.text, run: runs[0] as SimulatedRun };
}
