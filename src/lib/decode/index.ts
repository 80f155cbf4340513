// Bytes → text: decodes a page file strictly as UTF-8 (with or without BOM), UTF-16 LE/BE (with
// BOM), GB18030/GBK or Big5, telling the last two apart by how much each reads as Chinese.
// It never repairs, replaces or normalizes anything (line ends, NFC, mojibake are the repair
// stage's business); bytes it cannot decode are a SourceError naming the file and byte offset.

import { readFile } from 'node:fs/promises';
import { decodeLegacy, scoreChinese, type LegacyDecoding } from './cjk.ts';
import { SourceError, hex } from './errors.ts';
import { decodeUtf16, decodeUtf8, type Invalid } from './utf.ts';

export { SourceError } from './errors.ts';

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

export interface DecodedSource {
  /** The decoded text, without the byte-order mark, otherwise exactly as the bytes say. */
  text: string;
  encoding: SourceEncoding;
}

/** File signatures of things that are not text, named in the error rather than "invalid byte". */
const SIGNATURES: Array<[bytes: number[], what: string]> = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a .docx/.epub, which are ZIP archives)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Microsoft Office document (.doc)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz archive'],
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 (little-endian) text, which is not supported: convert it to UTF-8'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 (big-endian) text, which is not supported: convert it to UTF-8'],
];

/** Below this mean score a decoding with enough non-ASCII characters is not taken as Chinese. */
const MIN_SCORE = 0.1;
const MIN_SEEN = 16;

const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 0x1a: 'SUB', 0x1b: 'ESC', 0x7f: 'DEL' };

/** Control characters other than tab, line feed, vertical tab, form feed and carriage return. */
function isBinaryControl(c: number): boolean {
  return (c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f;
}

function controlProblem(c: number): string {
  const name = CONTROL_NAMES[c] ? ` (${CONTROL_NAMES[c]})` : '';
  return `control character ${hex(c)}${name}: binary data, not text`;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function checkControls16(file: string, text: string, start: number): void {
  for (let u = 0; u < text.length; u++) {
    const c = text.charCodeAt(u);
    if (isBinaryControl(c)) throw new SourceError(file, start + 2 * u, controlProblem(c));
  }
}

function fromUtf16(file: string, bytes: Uint8Array, le: boolean): DecodedSource {
  const r = decodeUtf16(bytes, 2, le);
  if ('offset' in r) throw new SourceError(file, r.offset, r.problem);
  checkControls16(file, r.text, 2);
  return { text: r.text, encoding: le ? 'utf-16le' : 'utf-16be' };
}

function describe(name: string, r: Invalid | null): string {
  return r ? `${name} at byte ${r.offset}: ${r.problem}` : `${name}: ok`;
}

/**
 * Decodes a page's bytes. `file` only labels errors. Throws SourceError for an empty file, binary
 * data (the first control character or a known file signature) and bytes no supported encoding
 * reads strictly.
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  if (bytes.length === 0) throw new SourceError(file, 0, 'empty file');
  const bomOnly = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]].some((b) => b.length === bytes.length && startsWith(bytes, b));
  if (bomOnly) throw new SourceError(file, 0, 'empty file (only a byte-order mark)');
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(bytes, sig)) throw new SourceError(file, 0, `this is ${what}, not a text file`);
  }
  if (startsWith(bytes, [0xff, 0xfe])) return fromUtf16(file, bytes, true);
  if (startsWith(bytes, [0xfe, 0xff])) return fromUtf16(file, bytes, false);

  // Every other candidate is ASCII-compatible: a byte below 0x20 or 0x7F is always a character
  // of its own in UTF-8, GB18030 and Big5 (no trail byte takes those values), so scan the bytes.
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (isBinaryControl(b)) {
      const hint = b === 0 ? ' (UTF-16 without a byte-order mark is not supported)' : '';
      throw new SourceError(file, i, controlProblem(b) + hint);
    }
  }

  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const u8 = decodeUtf8(bom ? bytes.subarray(3) : bytes);
  if ('text' in u8) return { text: u8.text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  if (bom) throw new SourceError(file, u8.offset + 3, `starts with a UTF-8 byte-order mark but is not UTF-8: ${u8.problem}`);

  const gb = decodeLegacy('gb18030', bytes);
  const b5 = decodeLegacy('big5', bytes);
  const valid = [gb, b5].filter((d) => d.invalid === 0);
  if (valid.length === 0) {
    // Report where the decoding that went furthest gave up: that is most likely the damage.
    const offset = Math.max(u8.offset, gb.first!.offset, b5.first!.offset);
    const detail = [describe('UTF-8', u8), describe('GB18030', gb.first), describe('Big5', b5.first)].join('; ');
    throw new SourceError(file, offset, `not valid UTF-8, GB18030, Big5 or UTF-16 (${detail})`);
  }
  let best: LegacyDecoding = valid[0]!;
  let score = scoreChinese(best.text);
  if (valid.length === 2) {
    const other = scoreChinese(b5.text);
    // GB18030 wins ties: it is the mainland journals' encoding and a superset of GBK.
    if (other.score > score.score) {
      best = b5;
      score = other;
    }
  }
  if (score.seen >= MIN_SEEN && score.score < MIN_SCORE) {
    const at = bytes.findIndex((b) => b >= 0x80);
    const names = valid.map((d) => (d.encoding === 'gb18030' ? 'GB18030' : 'Big5')).join(' and ');
    throw new SourceError(
      file,
      at,
      `not valid UTF-8 (at byte ${u8.offset}: ${u8.problem}), and as ${names} it does not read as Chinese (score ${score.score.toFixed(2)} of 1)`,
    );
  }
  return { text: best.text, encoding: best.encoding };
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
};

/** Reads a file's bytes (never as a string) and decodes them. Read failures are SourceErrors too. */
export async function readSource(path: string): Promise<DecodedSource> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new SourceError(path, null, READ_PROBLEMS[code] ?? `cannot read: ${(err as Error).message}`, { cause: err });
  }
  return decodeSource(bytes, path);
}
