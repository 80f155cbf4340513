// Endnotes (注释 ①②…) and their markers in the text: the notes' heading, an entry's number, and
// the circled numbers that point to a note. Shared by the model and the linking plugin; it never
// resolves a marker to a note itself.

/** The circled numbers ①–⑳ a note is numbered with. */
const CIRCLED = /[\u2460-\u2473]/u;

/** The number a circled digit stands for (① → 1), or `null`. */
export function circledNumber(ch: string): number | null {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2460 && c <= 0x2473 ? c - 0x2460 + 1 : null;
}

/** `注释：`, `注：`, `[注释]` on a line of their own: a heading that may open notes or references. */
export const NOTES_HEADING = /^[[【［]?\s*注\s*(?:释)?\s*[\]】］]?\s*[：:]?\s*$/u;

/** An endnote's line: `① text` (the number and the text), or `null`. */
export function endnoteLine(line: string): { number: number; label: string; text: string } | null {
  const m = /^\s*([\u2460-\u2473])\s*(\S.*)$/u.exec(line);
  if (!m) return null;
  return { number: circledNumber(m[1]!)!, label: m[1]!, text: m[2]! };
}

export interface NoteMarker {
  /** The note's number. */
  note: number;
  start: number;
  end: number;
}

/**
 * The circled numbers in `text` that point to one of the notes `known`: a marker follows what it
 * annotates (《老人与海》①，). One at the text's start or after a clause's mark opens an item of
 * a list instead (：①存在…；②…), and is no marker.
 */
export function findNoteMarkers(text: string, known: ReadonlySet<number>): NoteMarker[] {
  const out: NoteMarker[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!CIRCLED.test(text[i]!)) continue;
    const note = circledNumber(text[i]!)!;
    if (!known.has(note)) continue;
    if (i === 0 || /[\s：；。，、！？:;,.!?（(“]/u.test(text[i - 1]!)) continue;
    out.push({ note, start: i, end: i + 1 });
  }
  return out;
}

/** The anchor id of the k-th (1-based) marker pointing to note `note`. */
export function noteRefId(note: number, k: number): string {
  return `endnoteref-${note}-${k}`;
}

/** The id of note `note` in the notes list. */
export function endnoteId(note: number): string {
  return `endnote-${note}`;
}
