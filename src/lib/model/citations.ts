// In-text citation markers (`[1]`, `[2-4]`, `[1,3]`, `［5］`): find them in a text and expand
// them to reference numbers. Shared by the model and the linking plugins; it never resolves them.

/** The largest range a marker may expand to (`[1-300]` is not a citation). */
const MAX_RANGE = 50;

export interface CitationMarker {
  /** The marker as printed. */
  marker: string;
  start: number;
  end: number;
  /** Reference numbers, ranges expanded, in printed order, without repeats. */
  refs: number[];
  /** The numbers printed in the marker, with their offsets in the text (range ends included). */
  printed: Array<{ ref: number; start: number; end: number }>;
}

const MARKER = /[[［]\s*(\d{1,3}(?:\s*[-–—~～,，、]\s*\d{1,3})*)\s*[\]］]/gu;

/** Expand the inside of a marker: `2-4` → [2, 3, 4], `1,3` → [1, 3]; `null` when not a citation. */
export function expandCitation(inner: string): number[] | null {
  const refs: number[] = [];
  for (const part of inner.split(/[,，、]/u)) {
    const range = /^\s*(\d+)\s*(?:[-–—~～]\s*(\d+))?\s*$/u.exec(part);
    if (!range) return null;
    const a = Number(range[1]);
    const b = range[2] === undefined ? a : Number(range[2]);
    if (a < 1 || b < a || b - a > MAX_RANGE) return null;
    for (let n = a; n <= b; n++) if (!refs.includes(n)) refs.push(n);
  }
  return refs.length > 0 ? refs : null;
}

/** Every citation marker in `text`, in order. */
export function findCitations(text: string): CitationMarker[] {
  const out: CitationMarker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const refs = expandCitation(m[1]!);
    if (!refs) continue;
    const start = m.index;
    const printed: CitationMarker['printed'] = [];
    for (const n of m[0].matchAll(/\d+/g)) {
      printed.push({ ref: Number(n[0]), start: start + n.index, end: start + n.index + n[0].length });
    }
    out.push({ marker: m[0], start, end: start + m[0].length, refs, printed });
  }
  return out;
}

/** The anchor id of the k-th (1-based) place citing reference `ref`. */
export function citationId(ref: number, k: number): string {
  return `cite-${ref}-${k}`;
}

/** The id of reference `ref` in the list. */
export function referenceId(ref: number): string {
  return `ref-${ref}`;
}
