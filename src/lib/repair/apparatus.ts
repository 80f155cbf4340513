// The apparatus: the record of every emendation the edition makes to the page, as a critical
// edition keeps it (witness → reading, kind, place, confidence). Every stage appends to it; the
// site renders it. Whitespace-only changes (indentation, line ends) are the only changes not kept.

/** What kind of change an emendation is. */
export type EmendationKind =
  | 'furniture' // page furniture (spam, site chrome, related titles) taken out of the body
  | 'pinyin' // a pinyin tag that reads the character before it, removed
  | 'realign' // a byte-level mojibake run read in step again
  | 'lacuna' // what could not be restored, printed as □ with the witness kept
  | 'space' // a lost no-break space (`?`) restored as a space
  | 'punctuation' // full-width Chinese punctuation restored from its NFKC-folded ASCII form
  | 'script'; // a script decision the character tables alone would not make (e.g. 著 → 着)

/** A half-open range [start, end) of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export interface Emendation {
  /** Stable within one repair: `e1`, `e2`, … in page order. */
  id: string;
  kind: EmendationKind;
  /** Exactly what the page had at `page` (after decoding). */
  witness: string;
  /** What the edition prints instead (in the edition's simplified text). Empty when removed. */
  reading: string;
  /** Where the witness stands in the decoded page text. */
  page: Span;
  /** Where the reading stands in the simplified edition text (`RepairResult.text`). */
  edition: Span;
  /** How sure the repair is, in [0, 1]. */
  confidence: number;
  /** One line that says why, in the reader's terms (ftfy-style: every fix names itself). */
  note: string;
}
