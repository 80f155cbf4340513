// The search for the best reading of a run: a beam Viterbi over its positions with the character
// model, the word-aware pass that revisits each position, and the confidence a margin gives.

import type { CharModel } from '../../lm/chinese-model.ts';
import { bracketMisfits, closersWanted, openAfter, type Option } from './candidates.ts';
import {
  BEAM,
  CONFIDENCE_SCALE,
  NEAR_CLOSER_BONUS,
  NEAR_OPEN,
  REFINE_KEEP,
  REFINE_WINDOW,
  TAG_FIT_BONUS,
  TAG_MISFIT_COST,
  UNCLOSED_OPENER_COST,
  UNMATCHED_CLOSER_COST,
  WORD_WEIGHT,
} from './constants.ts';
import type { Hypothesis } from './hypotheses.ts';
import { inStepAfter, leftContext, plainContext, reads } from './tokens.ts';

/** One beam state: its score, its last two characters (the model's context), and the way back. */
type State = { score: number; last: string; back: number; prevState: number };

/**
 * Beam states after each position, shared by the hypotheses of one trigger: they differ only in
 * where the run ends, so the positions before their last are the same arrays and are decoded once.
 */
export type PrefixCache = WeakMap<Option[], { states: State[]; history: State[][] }>;

/** Viterbi over positions with a beam; returns the best path and its score. */
export function decode(
  model: CharModel,
  positions: Option[][],
  leftContext: string,
  rightContext: string,
  tagAfter: string | undefined,
  cache?: PrefixCache,
  /** The first characters of the right context that lie in the suspect stretch (scored leave-one-out). */
  rightSuspect = 0,
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
        // States are kept per last character; each carries its best path's last two as the trigram's context.
        const key = lastCh;
        const cur = best.get(key);
        if (!cur || sc > cur.score) best.set(key, { score: sc, last: (s.last + o.text).slice(-2), back: oi, prevState: si });
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
    const sc = s.score + scoreRight(model, rightContext, s.last, rightSuspect);
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

/**
 * The right context after a reading: its first `suspect` characters lie where some other reading
 * of the run still sees mojibake, so the page's own counts do not vouch for them (leave-one-out).
 */
function scoreRight(model: CharModel, right: string, last: string, suspect: number): number {
  return scoreSuspectThenRest(model, right.slice(0, Math.max(0, suspect)), right.slice(Math.max(0, suspect)), last);
}

/** A suspect stretch scored leave-one-out (where the model can), then the text after it as usual. */
function scoreSuspectThenRest(model: CharModel, suspect: string, rest: string, prev: string): number {
  const own = suspect && model.scoreLeavingOut ? model.scoreLeavingOut(suspect, prev) : model.score(suspect, prev);
  return own + model.score(rest, (prev + suspect).slice(-2));
}

/** Score one hypothesis over the window [windowStart, windowEnd) of the line; the suspect stretch ends at `suspectEnd`. */
export function scoreHypothesis(
  model: CharModel,
  line: string,
  h: Hypothesis,
  windowEnd: number,
  cache: PrefixCache,
  suspectEnd = h.end,
): { score: number; choice: number[]; left: string; right: string } {
  const left = leftContext(line, h.start);
  const from = inStepAfter(line, h.end, h.suffix);
  const right = plainContext(line.slice(from, windowEnd));
  const suspect = from < suspectEnd ? plainContext(line.slice(from, suspectEnd)).length : 0;
  const d = decode(model, h.positions, left, right, h.tagAfter, cache, suspect);
  return { score: d.score + h.prior, choice: d.choice, left, right };
}

/**
 * The score of the line read as it stands (no run), over the same window. The suspect stretch
 * (up to `suspectEnd`) is scored as if the page had not shown it: a model adapted to the page has
 * learnt whatever the page holds, the mojibake included, and must not vouch for it.
 */
export function scoreAsIs(model: CharModel, line: string, start: number, windowEnd: number, suspectEnd = start): number {
  const left = leftContext(line, start);
  // A `?` read as it stands is a question mark or a lost space; after a letter, a digit or a
  // closing bracket and before more text, a character GBK could not hold in a formula (x̄±s, σ²),
  // read as one of the formula's class, as a Greek letter is (the formula n=2(Zα/2+Zβ)²σ²/δ²),
  // and a Cyrillic one as a letter (в ?Поднятой целине?).
  const read = line.replace(/(?<=[A-Za-z0-9)\]%\u0391-\u03c9\u0400-\u04ff])\?(?=\S)|[\u0391-\u03c9\u0400-\u04ff]/g, 'x');
  const plain = (a: number, b: number): string => plainContext(read.slice(a, b)).replace(/\?/g, '？');
  const cut = Math.min(Math.max(start, suspectEnd), windowEnd);
  return scoreSuspectThenRest(model, plain(start, cut), plain(cut, windowEnd), left);
}

export function confidenceOf(margin: number): number {
  return Math.max(0, Math.min(0.999, 1 - Math.exp(-margin / CONFIDENCE_SCALE)));
}

export type Scored = { h: Hypothesis; choice: number[]; left: string; right: string };

/**
 * How sure the best of some scored readings is, in nats: the log-odds of it against all the other
 * readings together (each distinct text once, at its best score), Infinity where there is none.
 * With one rival this is the margin over it; with many close rivals it is less. A lost lead byte
 * leaves some sixty characters to choose from, and a lead of 2.5 nats over the second is worth
 * less when the third, fourth and fifth are close behind. Against the margin over the second
 * alone, on simulated whole pages of five articles (10,035 runs), with `CHAR_MARGIN` 2.25: 77.3 %
 * of runs exact and 8.7 % wrong, against 76.9 and 8.8 (the margin at 2.5); on small pages (10,044
 * runs) 69.4 and 10.3, against 68.9 and 10.6. At equal exact runs, it prints about 0.3 points
 * fewer wrong ones.
 */
export function logOdds(scored: ReadonlyArray<{ text: string; t: number }>): number {
  if (scored.length === 0) return Infinity;
  let best = scored[0]!;
  for (const x of scored) if (x.t > best.t) best = x;
  const rivals = new Map<string, number>();
  for (const x of scored) {
    if (x.text === best.text) continue;
    rivals.set(x.text, Math.max(rivals.get(x.text) ?? -Infinity, x.t));
  }
  if (rivals.size === 0) return Infinity;
  let mass = 0;
  for (const t of rivals.values()) mass += Math.exp(t - best.t);
  return -Math.log(mass);
}

/**
 * The word-aware pass: the character search proposes, the word model (a max-probability
 * segmentation over the run and its context) decides. Position by position, the best few options
 * are tried in the whole reading; the one with the highest total stays. Returns the chosen texts
 * and, for each position, how sure its choice is (`logOdds` against the others tried).
 */
export function refine(
  model: CharModel,
  best: Scored,
  leftText: string,
  rightText: string,
  linePrefix: string,
  /** The in-step text after the run, to the end of its line. */
  lineRest = '',
  /** Options within this many nats of a position's best count towards its `lengths`. */
  near = 0,
): { texts: string[]; margins: number[]; lengths: Array<[number, number]> } {
  const open = openAfter(linePrefix);
  const restWants = closersWanted(lineRest);
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
    const misfits = bracketMisfits(joined, open, restWants);
    sc -= UNMATCHED_CLOSER_COST * misfits.closers + UNCLOSED_OPENER_COST * misfits.openers;
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
  /** Per position, the shortest and longest option within `near` of the best. */
  const lengths = positions.map((_, i): [number, number] => {
    const n = positions[i]![chosen[i]!]!.text.length;
    return [n, n];
  });
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
      margins[i] = logOdds(scored.map((x) => ({ text: opts[x.oi]!.text, t: x.t })));
      const close = scored.filter((x) => x.t >= scored[0]!.t - near).map((x) => opts[x.oi]!.text.length);
      lengths[i] = [Math.min(...close), Math.max(...close)];
    }
  }
  return { texts: texts(), margins, lengths };
}
