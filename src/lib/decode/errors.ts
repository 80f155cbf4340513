// SourceError: the one error the decoder throws. It names the file, the byte offset where the
// problem is, and the problem in plain words, so a CLI or build can print it as one line.
// It never decides anything about the text itself.

export class SourceError extends Error {
  override readonly name = 'SourceError';
  /** The file as given by the caller (a path, or a label such as `<stdin>`). */
  readonly file: string;
  /** Byte offset of the problem in the file, or null when it concerns the whole file (e.g. not found). */
  readonly offset: number | null;
  /** The problem alone, without file and offset, e.g. `empty file`. */
  readonly problem: string;

  constructor(file: string, offset: number | null, problem: string, options?: { cause?: unknown }) {
    super(offset === null ? `${file}: ${problem}` : `${file}: byte ${offset}: ${problem}`, options);
    this.file = file;
    this.offset = offset;
    this.problem = problem;
  }
}

/** `0x1F` style byte label. */
export function hex(byte: number): string {
  return '0x' + byte.toString(16).toUpperCase().padStart(2, '0');
}

/** `0xE5 0x41` style label for a run of bytes. */
export function hexRun(bytes: Uint8Array, start: number, end: number): string {
  const out: string[] = [];
  for (let i = start; i < Math.min(end, bytes.length); i++) out.push(hex(bytes[i]!));
  return out.join(' ');
}
