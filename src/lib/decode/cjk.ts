// The two legacy Chinese encodings a page may come in, GB18030 (a superset of GBK and GB2312) and
// Big5: strict decoding through iconv-lite with the first invalid byte named, and the score that
// tells which of two valid decodings reads as Chinese. It never guesses past an invalid byte.

import iconv from 'iconv-lite';
import { COMMON_HAN } from './common-han.ts';
import { hex, hexRun } from './errors.ts';
import type { Invalid } from './utf.ts';

export type LegacyEncoding = 'gb18030' | 'big5';

export interface LegacyDecoding {
  encoding: LegacyEncoding;
  text: string;
  /** How many byte sequences are malformed or map to no character. */
  invalid: number;
  /** The first of them, or null when the decoding is strictly valid. */
  first: Invalid | null;
}

/** GB18030's own encoding of U+FFFD: the one sequence whose decoding legitimately gives U+FFFD. */
const GB_FFFD = 0x8431a437;

const NAMES: Record<LegacyEncoding, string> = { gb18030: 'GB18030', big5: 'Big5' };

/**
 * The length of the sequence at `i` by the encoding's byte structure, or 0 if no sequence of the
 * encoding can start there (a lone lead byte, a lead byte with a bad trail byte, 0xFF, …).
 */
function sequenceLength(enc: LegacyEncoding, bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  if (enc === 'gb18030') {
    if (b === 0x80) return 1; // the euro sign, as in code page 936 and the WHATWG decoder
    if (b === 0xff) return 0;
    const b2 = bytes[i + 1];
    if (b2 === undefined) return 0;
    if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 === undefined || b4 === undefined) return 0;
      return b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39 ? 4 : 0;
    }
    return (b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe) ? 2 : 0;
  }
  if (b === 0x80 || b === 0xff) return 0;
  const b2 = bytes[i + 1];
  if (b2 === undefined) return 0;
  return (b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0xa1 && b2 <= 0xfe) ? 2 : 0;
}

/** Decodes strictly: every sequence must be well-formed and map to a character. */
export function decodeLegacy(enc: LegacyEncoding, bytes: Uint8Array): LegacyDecoding {
  const mapped = new Map<number, boolean>();
  let invalid = 0;
  let first: Invalid | null = null;
  const fail = (offset: number, problem: string): void => {
    invalid++;
    first ??= { offset, problem };
  };
  for (let i = 0; i < bytes.length; ) {
    const len = sequenceLength(enc, bytes, i);
    if (len === 0) {
      const end = i + 1 < bytes.length ? i + 2 : i + 1;
      fail(i, i + 1 >= bytes.length && bytes[i]! >= 0x81 && bytes[i]! <= 0xfe
        ? `${hex(bytes[i]!)}: a ${NAMES[enc]} character cut off by the end of the file`
        : `${hexRun(bytes, i, end)}: not a ${NAMES[enc]} character`);
      i++;
      continue;
    }
    if (len > 1) {
      let code = 0;
      for (let k = 0; k < len; k++) code = code * 256 + bytes[i + k]!;
      let ok = mapped.get(code);
      if (ok === undefined) {
        ok = code === GB_FFFD || !iconv.decode(Buffer.from(bytes.subarray(i, i + len)), enc).includes('\ufffd');
        mapped.set(code, ok);
      }
      if (!ok) fail(i, `${hexRun(bytes, i, i + len)}: no character in ${NAMES[enc]}`);
    }
    i += len;
  }
  const text = invalid === 0 ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc) : '';
  return { encoding: enc, text, invalid, first };
}

/** Weight of each frequent character: 1 for the most frequent, falling with log rank to 0.4. */
const WEIGHT = new Map<string, number>();
{
  const chars = [...COMMON_HAN];
  const scale = Math.log(1 + chars.length);
  chars.forEach((c, rank) => WEIGHT.set(c, 1 - (0.6 * Math.log(1 + rank)) / scale));
}
/** Punctuation and symbols Chinese prose uses, in both scripts. */
const COMMON_MARKS = new Set('，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕—…·．　￥％＋－／＝～×÷°①②③④⑤⑥⑦⑧⑨⑩○');
const HAN = /\p{Script=Han}/u;

export interface Score {
  /** Mean weight per non-ASCII character, in [-1, 1]: near 1 for ordinary Chinese prose. */
  score: number;
  /** How many non-ASCII characters were looked at. */
  seen: number;
}

/**
 * How much a decoding reads as Chinese, over its non-ASCII characters: a frequent Han character
 * counts by its frequency (1 down to 0.4), Chinese punctuation and full-width forms 1, a rare Han
 * character 0, and anything else (kana, bopomofo, box drawing, private use …) −1.
 */
export function scoreChinese(text: string): Score {
  let sum = 0;
  let seen = 0;
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) continue;
    seen++;
    const w = WEIGHT.get(c);
    if (w !== undefined) sum += w;
    else if (COMMON_MARKS.has(c) || (c >= '\uff01' && c <= '\uff5e')) sum += 1;
    else if (!HAN.test(c)) sum -= 1;
  }
  return { score: seen === 0 ? 1 : sum / seen, seen };
}
