// Endnotes (注释 ①②…) and their markers in the text: the notes' heading, an entry's number, and
// the circled numbers that point to a note. Shared by the model and the linking plugin; it never
// resolves a marker to a note itself.

/** The number a circled digit stands for (① → 1, ⑳ → 20), or `null`. */
export function circledNumber(ch: string): number | null {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2460 && c <= 0x2473 ? c - 0x2460 + 1 : null;
}

/** `注释：`, `注：`, `[注释]` on a line of their own: a heading that may open notes or references. */
export const NOTES_HEADING = /^[[【［]?\s*注\s*(?:释)?\s*[\]】］]?\s*[：:]?\s*$/u;

/** An endnote's line: `① text` (the number and the text), or `null`. */
export function endnoteLine(line: string): { number: number; label: string; text: string } | null {
  const m = /^\s*(\S)\s*(\S.*)$/u.exec(line);
  const number = m ? circledNumber(m[1]!) : null;
  return number === null ? null : { number, label: m![1]!, text: m![2]! };
}

/**
 * A note's line whose label the page lost (`□ 参见…`: GBK has no ⑪–⑳, so the page wrote `?` and
 * the repair marks it): the note after `previous`, or `null`.
 */
export function lostLabelLine(line: string, previous: number): { number: number; label: string; text: string } | null {
  const m = /^\s*□\s+(\S.*)$/u.exec(line);
  return m ? { number: previous + 1, label: '□', text: m[1]! } : null;
}

export interface NoteMarker {
  /** The note's number. */
  note: number;
  start: number;
  end: number;
}

/**
 * The circled numbers in `text` that point to one of the notes `known`. A list's items are no
 * markers: ① at the text's start or after a colon opens one (标准：①存在…), and the next number
 * after a clause's mark continues it (…；②年龄…；③…). Any other circled number is a marker,
 * after a word (《老人与海》①，) or after the sentence it annotates (……系统化。①该规则…, as
 * law journals set them).
 */
export function findNoteMarkers(text: string, known: ReadonlySet<number>): NoteMarker[] {
  const out: NoteMarker[] = [];
  const items = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const n = circledNumber(text[i]!);
    if (n === null) continue;
    const prev = i === 0 ? '' : text[i - 1]!;
    const opensList = n === 1 && (prev === '' || /[：:\s]/u.test(prev));
    const continuesList = n > 1 && items.has(n - 1) && (prev === '' || /[：:；;，,、\s\]］]/u.test(prev));
    if (opensList || continuesList) {
      items.add(n);
      continue;
    }
    if (known.has(n)) out.push({ note: n, start: i, end: i + 1 });
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
