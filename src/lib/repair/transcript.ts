// A transcript: the text being repaired, with a map from every position back to the page and the
// apparatus kept in step with each edit. Stages propose edits against the current text; the
// transcript applies them, records each as an emendation with its witness taken from the page,
// and shifts the places of the emendations already made. It knows nothing of Chinese.

import type { Emendation, EmendationKind, Span } from './apparatus.ts';

export interface Edit {
  /** Range in the current text. */
  start: number;
  end: number;
  reading: string;
  kind: EmendationKind;
  confidence: number;
  note: string;
  /** Whitespace-only edits are applied but not recorded. */
  silent?: boolean;
}

interface Entry {
  kind: EmendationKind;
  page: Span;
  /** Where the reading stands in the current text. */
  at: Span;
  confidence: number;
  note: string;
}

export class Transcript {
  readonly page: string;
  text: string;
  /** pageAt[i]: page offset of current position i (length text.length + 1). */
  private pageAt: Int32Array;
  private readonly entries: Entry[] = [];

  constructor(page: string, text = page, pageAt?: Int32Array) {
    this.page = page;
    this.text = text;
    if (pageAt) {
      this.pageAt = pageAt;
    } else {
      this.pageAt = new Int32Array(text.length + 1);
      for (let i = 0; i <= text.length; i++) this.pageAt[i] = i;
    }
  }

  /** Page offset of a position in the current text. */
  pageOffset(i: number): number {
    return this.pageAt[i]!;
  }

  /** Apply non-overlapping edits (any order) to the current text. */
  apply(edits: Edit[]): void {
    if (edits.length === 0) return;
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.start < sorted[i - 1]!.end) {
        throw new Error(`overlapping edits at ${sorted[i]!.start}: ${JSON.stringify(sorted[i - 1]!.reading)} and ${JSON.stringify(sorted[i]!.reading)}`);
      }
    }
    const old = this.text;
    const oldAt = this.pageAt;
    const parts: string[] = [];
    let outLength = 0;
    const at = new Int32Array(old.length + 1 + sorted.reduce((n, e) => n + e.reading.length, 0));
    let atLength = 0;
    let cursor = 0;
    // Shift table: for each edit, old range → new range, to move earlier entries.
    const moves: Array<{ oldStart: number; oldEnd: number; newStart: number; newEnd: number }> = [];
    const fresh: Entry[] = [];
    for (const e of sorted) {
      at.set(oldAt.subarray(cursor, e.start), atLength);
      atLength += e.start - cursor;
      parts.push(old.slice(cursor, e.start));
      outLength += e.start - cursor;
      const newStart = outLength;
      const pStart = oldAt[e.start]!;
      const pEnd = oldAt[e.end]!;
      for (let k = 0; k < e.reading.length; k++) at[atLength++] = k === 0 ? pStart : pEnd;
      parts.push(e.reading);
      outLength += e.reading.length;
      const newEnd = outLength;
      moves.push({ oldStart: e.start, oldEnd: e.end, newStart, newEnd });
      if (!e.silent) {
        fresh.push({ kind: e.kind, page: { start: pStart, end: pEnd }, at: { start: newStart, end: newEnd }, confidence: e.confidence, note: e.note });
      }
      cursor = e.end;
    }
    at.set(oldAt.subarray(cursor, old.length + 1), atLength);
    atLength += old.length + 1 - cursor;
    parts.push(old.slice(cursor));
    const out = parts.join('');

    // Where an old position lands: inside an edited range it clings to the range's start or end.
    const shift = (pos: number, bias: 'start' | 'end'): number => {
      let lo = 0;
      let hi = moves.length - 1;
      let k = -1; // last move with oldStart <= pos
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (moves[mid]!.oldStart <= pos) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      // An entry ending where a replacement starts stays before it.
      while (k >= 0 && bias === 'end' && moves[k]!.oldStart === pos && moves[k]!.oldEnd > pos) k--;
      if (k < 0) return pos;
      const m = moves[k]!;
      if (pos === m.oldStart && bias === 'start') return m.newStart;
      if (pos < m.oldEnd) return bias === 'start' ? m.newStart : m.newEnd;
      return pos + (m.newEnd - m.oldEnd);
    };
    for (const entry of this.entries) {
      const start = shift(entry.at.start, 'start');
      const end = Math.max(start, shift(entry.at.end, 'end'));
      entry.at = { start, end };
    }
    this.entries.push(...fresh);
    this.text = out;
    this.pageAt = at.slice(0, atLength);
  }

  /** Replace the text with one of the same length (a script conversion); positions carry over. */
  replaceSameLength(text: string): void {
    if (text.length !== this.text.length) throw new Error('replaceSameLength: length differs');
    this.text = text;
  }

  /** Record an emendation over a range of the current text without changing the text. */
  note(start: number, end: number, kind: EmendationKind, confidence: number, note: string): void {
    this.entries.push({ kind, page: { start: this.pageAt[start]!, end: this.pageAt[end]! }, at: { start, end }, confidence, note });
  }

  /** The apparatus in page order, readings taken from the current text. */
  apparatus(): Emendation[] {
    return [...this.entries]
      .sort((a, b) => a.page.start - b.page.start || a.page.end - b.page.end || a.at.start - b.at.start)
      .map((e, i) => ({
        id: `e${i + 1}`,
        kind: e.kind,
        witness: this.page.slice(e.page.start, e.page.end),
        reading: this.text.slice(e.at.start, e.at.end),
        page: { ...e.page },
        edition: { ...e.at },
        confidence: Math.round(e.confidence * 1000) / 1000,
        note: e.note,
      }));
  }
}
