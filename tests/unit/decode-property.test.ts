// Property tests for src/lib/decode: Chinese text round-trips through every encoding it is
// written in, and no byte string makes the decoder fail with anything but a SourceError.

import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { COMMON_HAN } from '../../src/lib/decode/common-han.ts';
import { decodeSource, SourceError } from '../../src/lib/decode/index.ts';

const han = [...COMMON_HAN];
const marks = [...'，。、；：？！“”《》（）'];
const ascii = [...'abcdefghijklmnopqrstuvwxyz0123456789 .,:;()[]-\n'];

/** Chinese prose of `min` or more Han characters, with some punctuation and ASCII between them. */
const prose = (chars: string[], min = 20) =>
  fc
    .array(fc.tuple(fc.constantFrom(...chars), fc.option(fc.constantFrom(...marks, ...ascii), { freq: 4 })), {
      minLength: min,
      maxLength: 200,
    })
    .map((a) => a.map(([c, m]) => c + (m ?? '')).join(''));

describe('decode properties', () => {
  it('UTF-8, UTF-8 with BOM and UTF-16 LE/BE round-trip any text without control characters', () => {
    // Any text, kept non-empty and free of the control characters that mark binary data.
    const text = fc.string({ unit: 'grapheme' }).map((s) => 'a' + s.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, ''));
    fc.assert(
      fc.property(text, (s) => {
        expect(decodeSource(new TextEncoder().encode(s), 'p')).toEqual({ text: s, encoding: 'utf-8' });
        expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]), 'p')).toEqual({ text: s, encoding: 'utf-8-bom' });
        expect(decodeSource(iconv.encode(s, 'utf16le', { addBOM: true }), 'p')).toEqual({ text: s, encoding: 'utf-16le' });
        expect(decodeSource(iconv.encode(s, 'utf16be', { addBOM: true }), 'p')).toEqual({ text: s, encoding: 'utf-16be' });
      }),
    );
  });

  it('GBK prose of 20 or more Han characters is read back exactly as GB18030', () => {
    const gbk = han.filter((c) => iconv.decode(iconv.encode(c, 'gbk'), 'gbk') === c);
    fc.assert(
      fc.property(prose(gbk), (s) => {
        expect(decodeSource(iconv.encode(s, 'gbk'), 'p')).toEqual({ text: s, encoding: 'gb18030' });
      }),
      { numRuns: 300 },
    );
  });

  it('Big5 prose of 20 or more Han characters is read back exactly as Big5', () => {
    const big5 = han.filter((c) => iconv.decode(iconv.encode(c, 'big5'), 'big5') === c);
    const bigMarks = marks.filter((c) => iconv.decode(iconv.encode(c, 'big5'), 'big5') === c);
    expect(bigMarks.length).toBe(marks.length);
    fc.assert(
      fc.property(prose(big5), (s) => {
        const r = decodeSource(iconv.encode(s, 'big5'), 'p');
        // A text whose every character is also frequent when read as GBK would be ambiguous; prose is not.
        expect(r).toEqual({ text: s, encoding: 'big5' });
      }),
      { numRuns: 300 },
    );
  });

  it('any bytes either decode or fail with a SourceError inside the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeSource(bytes, 'p');
        } catch (err) {
          expect(err).toBeInstanceOf(SourceError);
          const e = err as SourceError;
          expect(e.offset).not.toBeNull();
          expect(e.offset!).toBeGreaterThanOrEqual(0);
          expect(e.offset!).toBeLessThan(Math.max(1, bytes.length));
          expect(e.message.startsWith(`p: byte ${e.offset}: `)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
