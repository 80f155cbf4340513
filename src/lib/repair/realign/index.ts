// Realign byte-level mojibake runs. The page was once GBK bytes; for a stretch they were read one
// byte out of step, so each character on the page is the trail byte of one real character and the
// lead byte of the next. This module re-encodes such a run, undoes the width folding, tries the
// lost bytes (a `?`, a private-use character whose trail byte is only a hint, a pair that vanished,
// a broken pair at the end) and scores every candidate reading with a model of Chinese. It accepts
// a reading only when it clearly beats the alternatives; a character it cannot decide is printed
// as □ and the witness is kept. It never consults a table of known runs.

import { chineseModel, type CharModel } from '../../lm/chinese-model.ts';
import { isPrivateUse } from '../gbk.ts';
import { vanishedPairOptions, type Option } from './candidates.ts';
import { ACCEPT_MARGIN, CHAR_MARGIN, RIGHT_CONTEXT, VANISH_CONFIDENCE_CAP, VANISH_LOOK_BELOW, VANISH_PATHS, WORD_CONTEXT } from './constants.ts';
import { hypotheses, type Hypothesis, type Trigger } from './hypotheses.ts';
import { confidenceOf, refine, scoreAsIs, scoreHypothesis, type PrefixCache, type Scored } from './search.ts';
import { inStepAfter, LACUNA, plainContext, reads, tagAfterMark, TAG_FRAGMENT_RE, TAG_RE } from './tokens.ts';

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
  /** Log-odds in nats a single uncertain character's reading must have against the other readings of its place, else it becomes □. */
  charMargin?: number;
  /** The model to score readings with (default: the dictionary model; the repair passes one adapted to the page). */
  model?: CharModel;
  /**
   * Characters the page tags with pinyin wherever they stand. Such a character cannot stand inside
   * a run: its tag's ASCII `(` would have put the reader back in step.
   */
  tagged?: ReadonlySet<string>;
}

const NO_TAGS: ReadonlySet<string> = new Set();

function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/**
 * The line with every suspect stretch (from a trigger to the next ASCII letter or `?`, at most
 * 40 characters) blanked out: what a page-adapted model may learn from without learning the
 * mojibake itself. Blanking more (a fixed 40 characters, through folded letters and the tags
 * after a `?`) measured worse, 68.6 % of simulated runs exact against 74.3 %: it takes the
 * in-step text after runs that end in `?` out of the page's model as well.
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

/** What can start a run: a `?`, a private-use character, `€`. Most lines hold none. */
const TRIGGER_CHAR = /[?\u20ac\ue000-\uf8ff]/;

export function findTriggers(line: string): Trigger[] {
  const out: Trigger[] = [];
  if (!TRIGGER_CHAR.test(line)) return out;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '?') {
      const next = line[i + 1] ?? '';
      const prev = line[i - 1] ?? '';
      // A lost no-break space (C916? 文献) or a real question mark at the end; but between Chinese
      // text and more of it, a space may be a misread pair A1 A1 (the ideographic space, folded).
      // The text before the `?` with its pinyin tags taken out: a tag is neither Latin nor text.
      const plainBefore = plainContext(line.slice(Math.max(0, i - 24), i));
      const inChinese = isHan(plainBefore.slice(-1) || 'a') && /[^\x00-\x7f]/.test(line[i + 2] ?? 'a');
      if (next === '' || (/\s/.test(next) && !(next === ' ' && inChinese))) continue;
      // Latin text (a?b, x=1?y): skipped. A folded full-width mark after Chinese (解,?33) is not
      // Latin, nor is a folded letter the misreading goes on from (性[10]?T诮處: 。在教).
      // A pinyin tag is not Latin: 問題(tí),?(róng)τ is Chinese, and its ? a run's start. (The
      // character before `prev`, which is no tag's `)` wherever it is asked for.)
      const prev2 = plainBefore.slice(-2, -1);
      const next2 = line[i + 2] ?? ' ';
      if (
        !tagAfterMark(line, i) &&
        /[\x21-\x7e]/.test(prev) &&
        /[\x21-\x7e]/.test(next) &&
        /[\x20-\x7e]/.test(next2) &&
        prev !== ')' &&
        (/[A-Za-z0-9]/.test(prev) || /[\x21-\x7e]/.test(prev2))
      ) {
        continue;
      }
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
  const acceptMargin = options.acceptMargin ?? ACCEPT_MARGIN;
  const charMargin = options.charMargin ?? CHAR_MARGIN;
  const fixes: RealignFix[] = [];
  let covered = 0;
  for (const trig of findTriggers(line)) {
    if (trig.start < covered) continue;
    const starts: Trigger[] = trig.marked ? [trig] : silentStarts(line, trig.start, covered);
    const hyps = starts.flatMap((t) => hypotheses(model, line, t, options.tagged ?? NO_TAGS));
    if (hyps.length === 0) continue;
    const windowStart = Math.min(...hyps.map((h) => h.start));
    const maxEnd = Math.max(...hyps.map((h) => h.end));
    const windowEnd = contextEnd(line, maxEnd, RIGHT_CONTEXT);
    const asIs = scoreAsIs(model, line, windowStart, windowEnd, maxEnd);
    const scoreAll = (): Array<Scored & { score: number }> => {
      const cache: PrefixCache = new WeakMap();
      const out = hyps.map((h) => ({ h, ...scoreHypothesis(model, line, h, windowEnd, cache, maxEnd) }));
      // Runs that start later than the window start read the text before them as it stands.
      for (const s of out) {
        if (s.h.start > windowStart) s.score += scoreAsIs(model, line.slice(0, s.h.start), windowStart, s.h.start);
      }
      return out.sort((a, b) => b.score - a.score);
    };
    let scored = scoreAll();
    // Where the best readings read badly, a pair may have vanished: look there, and read again.
    if (lookForVanishedPairs(model, scored, options.tagged ?? NO_TAGS)) scored = scoreAll();
    const best = scored[0]!;
    const bestReading = readingOf(best);
    const rivals = [asIs, ...scored.slice(1).filter((s) => readingOf(s) !== bestReading || s.h.end !== best.h.end).map((s) => s.score)];
    const rival = Math.max(...rivals);
    const margin = best.score - rival;
    // Read as it stands: not a run. Unless a tag after the `?` shows the damage is certain (the
    // page's own model may have learnt the mojibake after it): then what cannot be read is marked.
    if (best.score <= asIs && !(trig.marked && tagAfterMark(line, trig.start))) continue;
    const leftText = plainContext(line.slice(Math.max(0, best.h.start - 24), best.h.start)).slice(-WORD_CONTEXT);
    const after = inStepAfter(line, best.h.end, best.h.suffix);
    const rightText = plainContext(line.slice(after, after + 24)).slice(0, WORD_CONTEXT);
    const { texts, margins, lengths } = refine(model, best, leftText, rightText, plainContext(line.slice(0, best.h.start)), plainContext(line.slice(after)), charMargin);
    // The tag after the run reads its last character: a last character it does not read is wrong,
    // however well it reads, and is marked.
    const lastText = texts[texts.length - 1] ?? '';
    if (best.h.tagAfter && lastText && !reads(lastText.slice(-1), best.h.tagAfter)) margins[margins.length - 1] = -Infinity;
    /** The positions whose reading is not sure enough to print: each becomes □. */
    const undecided = margins.map((m) => m < charMargin);
    let text: string;
    // Where the readings a lacuna hides differ in length (a pair may have vanished there), the
    // number of □ is the best reading's, and the note says how many it may stand for.
    let extent = '';
    if (margin < acceptMargin) {
      // The run itself is not clear: every character it stands for is a lacuna.
      text = LACUNA.repeat(texts.join('').length) + best.h.suffix;
    } else {
      text = texts.map((t, i) => (undecided[i] ? LACUNA.repeat(t.length) : t)).join('') + best.h.suffix;
      let lo = 0;
      let hi = 0;
      lengths.forEach(([l, h], i) => {
        if (undecided[i]) [lo, hi] = [lo + l, hi + h];
      });
      if (lo !== hi) extent = `; the □ may stand for ${lo}–${hi} characters`;
    }
    const lacunae = [...text].filter((c) => c === LACUNA).length;
    const decided = margins.filter((m, i) => !undecided[i] || positions(best)[i]!.length < 2);
    let confidence = lacunae > 0 ? Math.min(0.5, confidenceOf(margin)) : confidenceOf(Math.min(margin, ...decided));
    // A vanished pair leaves no mark, so any run, however short, may hide one the search passed
    // over (one right after the lost lead byte reads as well as none): never quite sure then. Of
    // the readings printed without □, about nine in ten are exact on simulated pages.
    confidence = Math.min(confidence, VANISH_CONFIDENCE_CAP);
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
      note: `GBK bytes read one byte out of step (${best.h.label}); margin ${margin.toFixed(1)} nats over the next reading${extent}`,
    });
    covered = end;
  }
  return fixes;
}

/**
 * Along the best paths of the leading hypotheses, find the positions whose reading fits its
 * neighbours badly and add the readings across a vanished pair there. Returns whether any were added.
 */
function lookForVanishedPairs(model: CharModel, scored: Array<Scored & { choice: number[] }>, tagged: ReadonlySet<string>): boolean {
  let added = false;
  for (const s of scored.slice(0, VANISH_PATHS)) {
    const { positions, gaps } = s.h;
    const texts = positions.map((p, i) => p[s.choice[i]!]!.text);
    for (let i = 0; i < positions.length; i++) {
      const gap = gaps[i]!;
      if (gap.expanded) continue;
      const o = positions[i]![s.choice[i]!]!;
      const prev = i === 0 ? s.left : texts[i - 1]!.slice(-1);
      const next = i + 1 < texts.length ? texts[i + 1]!.slice(0, 1) : s.right.slice(0, 1);
      const local = o.lp + model.score(o.text, prev) + (next ? model.logP(next, o.text.slice(-1)) : 0);
      // The tag after the run must read its last character: where it does not, a pair may have
      // vanished before a last character it does read.
      const misfit = i === positions.length - 1 && s.h.tagAfter !== undefined && !reads(o.text.slice(-1), s.h.tagAfter);
      if (local >= VANISH_LOOK_BELOW && !misfit) continue;
      positions[i]!.push(...vanishedPairOptions(model, gap, prev, next, tagged));
      added = true;
    }
  }
  return added;
}

/**
 * Where `count` characters of the text after `from` end, tags not counted: a window cut inside a
 * tag (`(jiā`) would leave letters that no reading explains.
 */
export function contextEnd(line: string, from: number, count: number): number {
  // After a `?` that swallowed a tag's `(`, the rest of the tag is not context.
  let at = line[from - 1] === '?' ? inStepAfter(line, from, '(') : from;
  for (let n = 0; n < count && at < line.length; n++) {
    const tag = line[at] === '(' ? TAG_RE.exec(line.slice(at)) : null;
    at += tag ? tag[0].length : 1;
    if (tag) n--;
  }
  // A tag right at the end belongs to the last character read.
  const tag = line[at] === '(' ? TAG_RE.exec(line.slice(at)) : null;
  return Math.min(line.length, tag ? at + tag[0].length : at);
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
