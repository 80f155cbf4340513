// Text that remembers where every code unit came from: each UTF-16 unit carries the span
// [from, to) of the clean text it stands for (-1/-1 for inserted artefacts such as pinyin tags).
// The damage layers map traced text to traced text so that every damaged stretch can name its truth.

export interface Traced {
  text: string;
  /** Per UTF-16 code unit: start of the clean span it stands for, or -1 for an insertion. */
  from: number[];
  /** Per UTF-16 code unit: end of the clean span it stands for, or -1 for an insertion. */
  to: number[];
}

/** A traced copy of clean text: every unit stands for itself. */
export function traceClean(text: string): Traced {
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; i++) {
    from.push(i);
    to.push(i + 1);
  }
  return { text, from, to };
}

export function isTraced(x: unknown): x is Traced {
  return typeof x === 'object' && x !== null && 'text' in x && 'from' in x && 'to' in x;
}

export class TracedBuilder {
  private parts: string[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  length = 0;

  /** Appends `s`, every unit standing for [from, to). */
  push(s: string, from: number, to: number): void {
    this.parts.push(s);
    for (let i = 0; i < s.length; i++) {
      this.from.push(from);
      this.to.push(to);
    }
    this.length += s.length;
  }

  /** Appends an artefact that stands for nothing in the clean text. */
  insert(s: string): void {
    this.push(s, -1, -1);
  }

  /** Appends a traced text as it is. */
  append(t: Traced): void {
    this.parts.push(t.text);
    for (let i = 0; i < t.text.length; i++) {
      this.from.push(t.from[i] ?? -1);
      this.to.push(t.to[i] ?? -1);
    }
    this.length += t.text.length;
  }

  build(): Traced {
    return { text: this.parts.join(''), from: this.from, to: this.to };
  }
}

/** The code points of a traced text with the span each stands for (the span of its first unit). */
export function* tracedChars(t: Traced): Generator<{ ch: string; at: number; from: number; to: number }> {
  let at = 0;
  for (const ch of t.text) {
    yield { ch, at, from: t.from[at] ?? -1, to: t.to[at] ?? -1 };
    at += ch.length;
  }
}

/** Maps a traced text code point by code point (the replacement keeps the span of the original). */
export function mapChars(t: Traced, f: (ch: string) => string): Traced {
  const b = new TracedBuilder();
  for (const { ch, from, to } of tracedChars(t)) b.push(f(ch), from, to);
  return b.build();
}

/** The clean span covered by the units of [start, end) (insertions ignored); null if none. */
export function cleanSpanOf(t: Traced, start: number, end: number): { start: number; end: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = Math.max(0, start); i < Math.min(end, t.text.length); i++) {
    const f = t.from[i] ?? -1;
    const e = t.to[i] ?? -1;
    if (f < 0) continue;
    lo = Math.min(lo, f);
    hi = Math.max(hi, e);
  }
  return lo === Infinity ? null : { start: lo, end: hi };
}
