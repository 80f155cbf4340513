// The readings a run may have: from where it starts, the page characters are read as bytes and every
// place the run could end is noted; each end gives a hypothesis with the candidates of each position.

import type { CharModel } from '../../lm/chinese-model.ts';
import { isPinyinSyllable } from '../../pinyin/index.ts';
import { decodePair, isTrail } from '../gbk.ts';
import { gapOptions, guessOf, type Gap, type Option } from './candidates.ts';
import { MAX_ENDS, MAX_TOKENS, ONE_PAIR_RUN_COST, SILENT_START_COST } from './constants.ts';
import {
  ALL_LEADS,
  HIGH_TRAILS,
  LACUNA,
  leftContext,
  plainContext,
  reads,
  TAG_FRAGMENT_RE,
  TAG_RE,
  tagAfterMark,
  tokenBytes,
  type ByteOpt,
  type Token,
} from './tokens.ts';

export interface Trigger {
  /** Where the run may begin (the `?` or the first misread character). */
  start: number;
  /** Whether a `?` marks the lost lead byte. */
  marked: boolean;
}

export interface Hypothesis {
  /** Line offsets the run covers (the witness). */
  start: number;
  end: number;
  /** Candidate readings per restored position. */
  positions: Option[][];
  /** What each position is made of (shared, like the positions, by the hypotheses of one trigger). */
  gaps: Gap[];
  prior: number;
  /** Pinyin reading that the last restored character should have, if a tag follows the run. */
  tagAfter?: string;
  /** Extra reading appended after the restored characters (a swallowed `(`). */
  suffix: string;
  label: string;
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
  /** The end is a misread character the page shows (a pair with the ASCII letter after it). */
  showsPair?: boolean;
}

/** Build the hypotheses for a run starting at `trigger` in `line`. */
export function hypotheses(model: CharModel, line: string, trigger: Trigger, tagged: ReadonlySet<string>): Hypothesis[] {
  let pos = trigger.start;
  let startOpts: ByteOpt[] = ALL_LEADS;
  const prior = trigger.marked ? 0 : -SILENT_START_COST;
  if (trigger.marked) {
    pos++;
    // `?qū)`: the lost byte and a tag's `(` collapsed; the tag read the character the previous
    // in-step trail byte made with the lost byte.
    // `?(qū)` likewise, when the `(` survived: a whole tag right after the `?` is on the
    // misreading, even when it reads the character before the `?` too (經驗?(yàn): 驗's trail 9E
    // and 分's lead B7 made 灧, which reads yàn as well). The site puts a character's own tag
    // right after it, never after a `?`.
    const whole = TAG_RE.exec(line.slice(trigger.start + 1));
    const frag = tagAfterMark(line, trigger.start) ?? (whole && isPinyinSyllable(whole[1]!) ? whole : null);
    if (frag) {
      // The character before `?` was read in step; folded to ASCII (`,` for `，`), it is still a pair.
      const prevBytes = trigger.start > 0 ? tokenBytes(line[trigger.start - 1]!) : undefined;
      if (prevBytes && prevBytes.trail.length === 1) {
        const prevTrail = prevBytes.trail[0]!.b;
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
        // `?jī)`: the broken pair swallowed the `(` of the real character's tag. The run ends here:
        // reading on would take the tag's letters for bytes.
        ends.push({ count: tokens.length, endOpts: HIGH_TRAILS, end: pos + 1, label: 'broken pair that swallowed a (', tagAfter: frag[1]!.toLowerCase(), suffix: '(' });
        break;
      } else {
        const tagAfter = tagAt(pos + 1);
        // A pair breaks on the ASCII byte after it (a digit, a bracket): where the page goes on
        // with anything else, the `?` swallowed that byte too, and nothing says which it was.
        const swallowed = !tagAfter && swallowedByte(line, pos + 1);
        ends.push({
          count: tokens.length,
          endOpts: HIGH_TRAILS,
          end: pos + 1,
          label: swallowed ? 'broken pair that swallowed an ASCII byte' : 'broken pair',
          tagAfter,
          suffix: swallowed ? LACUNA : '',
        });
        // `?(xì)`: the tagger tags characters, never a pair it could not read; the tag is the real
        // last character's, and the text after it is in step.
        if (tagAfter) break;
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
      ends.push({
        count: tokens.length - 1,
        endOpts: bytes.lead,
        end: pos + 1,
        label: 'ASCII byte read into the last pair',
        suffix: String.fromCharCode(trail),
        unreadable: tokens[tokens.length - 1]!.unreadable,
        showsPair: true,
      });
    }
    pos++;
  }

  // Restored position i pairs the trail side of token i-1 (the lost lead for i = 0) with the
  // lead side of token i. Positions before the last are shared by every end.
  const lefts: ByteOpt[][] = [startOpts, ...tokens.map((t) => t.trail)];
  const guesses = tokens.map((t, i) => guessOf(lefts[i]!, t.lead));
  const shared: Option[][] = [];
  const sharedGaps: Gap[] = [];
  const sharedAt = (i: number): Option[] => {
    while (shared.length <= i) {
      const k = shared.length;
      const prev = k === 0 ? leftContext(line, trigger.start) : guesses[k - 1] ?? '';
      const gap: Gap = { left: lefts[k]!, right: tokens[k]!.lead, unreadable: tokens[k]!.unreadable ?? false, expanded: false };
      sharedGaps.push(gap);
      shared.push(gapOptions(model, gap, prev, guesses[k + 1] ?? '', tagged));
    }
    return shared[i]!;
  };
  const out: Hypothesis[] = [];
  for (const e of ends) {
    // A run with no misread character at all is only a vanished pair after a tag (`?(chēng)M`).
    // One whose only misread character is its last pair is a run (性?琈PR: 性，MPR).
    const onePairRun = e.count === 0 && startOpts === ALL_LEADS;
    if (onePairRun && !e.showsPair) continue;
    // In-step text never begins with the tail of a tag (`òu)`, `hì)`): a run that would leave one
    // behind has read the tag's `(` or first letters as bytes. Only a `?` that swallowed the `(`
    // may stand right before such a tail, and that end says so (its suffix).
    if (e.suffix !== '(' && tagTailAt(line, e.end)) continue;
    // A run shows at least one character that is not ASCII, or a tag the tagger put on its
    // misreading (`?(chēng)M`): the misreading makes GBK's characters out of the bytes, and only
    // a pair led by A3 folds to ASCII. `?(m?)` after 身高 is a bracket around letters and two
    // characters GBK could not hold, not a run.
    const witness = line.slice(trigger.start, e.end);
    const plain = plainContext(witness);
    if (plain === witness && !/[^\x00-\x7f]/.test(plain)) continue;
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
    const lastGap: Gap = { left: lefts[e.count]!, right: e.endOpts, unreadable: e.unreadable ?? false, lastTag: { syllable: e.tagAfter }, expanded: false };
    const last = gapOptions(model, lastGap, guesses[e.count - 1] ?? '', '', tagged);
    if (last.length === 0) continue;
    positions.push(last);
    const gaps = [...sharedGaps.slice(0, e.count), lastGap];
    // `?` and one character that pairs with a letter is as often a question mark before 結 (8D 59)
    // or 筆 (B9 50) as a run.
    out.push({ start: trigger.start, end: e.end, positions, gaps, prior: onePairRun ? prior - ONE_PAIR_RUN_COST : prior, tagAfter: e.tagAfter, suffix: e.suffix, label: e.label });
  }
  return out;
}

/** Whether the text at `at` begins with the tail of a pinyin tag (`òu)`), not of Latin text (`IF)` of `(VIF)`). */
function tagTailAt(line: string, at: number): boolean {
  const frag = TAG_FRAGMENT_RE.exec(line.slice(at));
  return frag !== null && frag[1] === frag[1]!.toLowerCase() && isPinyinSyllable(frag[1]!);
}

/**
 * Whether the text after a run's closing `?` shows that the broken pair swallowed the ASCII byte
 * it broke on: the page goes on with a character that could not have broken it (one of GBK's
 * two-byte characters, or a letter, which would have made a pair), or with a number that has lost
 * its first digit (`?.80`).
 */
function swallowedByte(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  if (Number.isNaN(c) || c === 0x20 || c === 0x09) return false;
  if (c >= 0x80 || (c >= 0x40 && c <= 0x7e)) return true;
  return c === 0x2e && /\d/.test(line[at + 1] ?? '');
}
