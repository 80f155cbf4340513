// Tests for src/lib/decode: every supported encoding decodes the seed's own text back exactly and
// is named right; every kind of bad file is a SourceError naming the file, byte and problem.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { COMMON_HAN } from '../../src/lib/decode/common-han.ts';
import { decodeSource, readSource, SourceError, type SourceEncoding } from '../../src/lib/decode/index.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const seed = readFileSync(join(FIXTURES, 'seed-000.txt'), 'utf8');
const seedLines = seed.split('\n').map((l) => l.trim()).filter(Boolean);

/** The seed's traditional body paragraphs that Big5 can represent (drops spam and mojibake lines). */
const big5Text = seedLines
  .filter((l) => iconv.decode(iconv.encode(l, 'big5'), 'big5') === l)
  .join('\n');

/** A simplified paragraph (the seed's abstract, as the edition prints it). */
const simplified =
  '摘要：国家与社会的关系是观察和研究社会治理的重要视角。在中国社会转型的过程中，国家与社会的关系经历了单一主体管治、以政代社管理和政社互动治理三个阶段，不断适应社会发展并形成具有中国特色的基层社会治理体系。';

const bom = (b: number[], body: Uint8Array): Uint8Array => new Uint8Array([...b, ...body]);

function decodeError(bytes: Uint8Array, file = 'content/x.txt'): SourceError {
  try {
    decodeSource(bytes, file);
  } catch (err) {
    expect(err).toBeInstanceOf(SourceError);
    return err as SourceError;
  }
  throw new Error('expected a SourceError');
}

/** A deterministic byte generator (xorshift32) so the "random bytes" fixture is the same every run. */
function randomBytes(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

describe('decodeSource: encodings', () => {
  const cases: Array<[name: string, text: string, bytes: () => Uint8Array, encoding: SourceEncoding]> = [
    ['UTF-8 (the seed page)', seed, () => new TextEncoder().encode(seed), 'utf-8'],
    ['UTF-8 with BOM', seed, () => bom([0xef, 0xbb, 0xbf], new TextEncoder().encode(seed)), 'utf-8-bom'],
    ['GBK (the seed page, traditional, private-use characters and all)', seed, () => iconv.encode(seed, 'gbk'), 'gb18030'],
    ['GBK (a simplified paragraph)', simplified, () => iconv.encode(simplified, 'gbk'), 'gb18030'],
    ['GB18030 beyond GBK (4-byte sequences, astral characters)', `${simplified}𠮷€ḿ`, () => iconv.encode(`${simplified}𠮷€ḿ`, 'gb18030'), 'gb18030'],
    ['Big5 (traditional paragraphs of the seed)', big5Text, () => iconv.encode(big5Text, 'big5'), 'big5'],
    ['UTF-16LE with BOM', seed, () => iconv.encode(seed, 'utf16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16BE with BOM', seed, () => iconv.encode(seed, 'utf16be', { addBOM: true }), 'utf-16be'],
    ['plain ASCII', 'Hello, 1008-2991(2021)01-095-006\r\n', () => new TextEncoder().encode('Hello, 1008-2991(2021)01-095-006\r\n'), 'utf-8'],
  ];
  for (const [name, text, bytes, encoding] of cases) {
    it(name, () => {
      const b = bytes();
      const r = decodeSource(b, 'x.txt');
      expect(r.encoding).toBe(encoding);
      expect(r.text).toBe(text);
    });
  }

  it('the Big5 fixture is a substantial traditional text', () => {
    expect(big5Text.length).toBeGreaterThan(5000);
    expect(big5Text).toContain('國家與社會');
  });

  it('tells short GBK and Big5 strings apart', () => {
    const pairs: Array<[string, 'gbk' | 'big5']> = [
      ['基层干部的关系', 'gbk'],
      ['中文', 'gbk'],
      ['你好', 'gbk'],
      ['國家與社會關係', 'big5'],
      ['國家', 'big5'],
      ['關係', 'big5'],
      ['中文', 'big5'],
      ['吳歡歡', 'big5'],
      ['基層幹部的關係', 'gbk'], // traditional text in GBK is still GB18030
    ];
    for (const [text, enc] of pairs) {
      const r = decodeSource(iconv.encode(text, enc), 'x.txt');
      expect([text, r.encoding]).toEqual([text, enc === 'gbk' ? 'gb18030' : 'big5']);
      expect(r.text).toBe(text);
    }
  });

  it('keeps line ends, indentation and private-use characters exactly', () => {
    const text = '  第一行\r\n\t第二行\u000b\f\n\ue010\n';
    expect(decodeSource(iconv.encode(text, 'gbk'), 'x').text).toBe(text);
    expect(decodeSource(new TextEncoder().encode(text), 'x').text).toBe(text);
  });

  it('decodes the committed encoding fixtures to the same text', () => {
    const dir = join(FIXTURES, 'encodings');
    const hans = readFileSync(join(dir, 'zh-hans.txt'), 'utf8');
    const hant = readFileSync(join(dir, 'zh-hant.txt'), 'utf8');
    const expected: Array<[string, string, SourceEncoding]> = [
      ['zh-hans.txt', hans, 'utf-8'],
      ['zh-hans.gbk.txt', hans, 'gb18030'],
      ['zh-hans.utf8-bom.txt', hans, 'utf-8-bom'],
      ['zh-hant.txt', hant, 'utf-8'],
      ['zh-hant.big5.txt', hant, 'big5'],
      ['zh-hant.utf16le.txt', hant, 'utf-16le'],
      ['zh-hant.utf16be.txt', hant, 'utf-16be'],
    ];
    for (const [file, text, encoding] of expected) {
      const r = decodeSource(readFileSync(join(dir, file)), file);
      expect([file, r.encoding, r.text]).toEqual([file, encoding, text]);
    }
  });
});

describe('decodeSource: bad files', () => {
  it('empty file', () => {
    const e = decodeError(new Uint8Array(0), 'content/x.txt');
    expect(e.file).toBe('content/x.txt');
    expect(e.offset).toBe(0);
    expect(e.problem).toBe('empty file');
    expect(e.message).toBe('content/x.txt: byte 0: empty file');
  });

  it('a file holding only a byte-order mark is empty too', () => {
    for (const b of [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]) {
      expect(decodeError(new Uint8Array(b)).problem).toBe('empty file (only a byte-order mark)');
    }
  });

  it('a PNG image', () => {
    const png = readFileSync(join(FIXTURES, 'bad', 'image.png.txt'));
    const e = decodeError(png);
    expect(e.offset).toBe(0);
    expect(e.message).toMatch(/^content\/x\.txt: byte 0: .*PNG image/);
  });

  it('a NUL byte in text names its offset', () => {
    const head = new TextEncoder().encode('国家与社会\n');
    const e = decodeError(new Uint8Array([...head, 0, ...new TextEncoder().encode('关系')]));
    expect(e.offset).toBe(head.length);
    expect(e.problem).toMatch(/control character 0x00 \(NUL\)/);
    expect(e.message).toBe(`content/x.txt: byte ${head.length}: ${e.problem}`);
  });

  it('other control characters name their offset, in UTF-16 too', () => {
    expect(decodeError(new TextEncoder().encode('abc\u0007def')).offset).toBe(3);
    expect(decodeError(iconv.encode('ab\u0001', 'utf16le', { addBOM: true })).offset).toBe(6);
  });

  it('random bytes', () => {
    const bytes = randomBytes(4096);
    const e = decodeError(bytes);
    expect(e.offset).not.toBeNull();
    expect(e.offset!).toBeGreaterThanOrEqual(0);
    expect(e.offset!).toBeLessThan(bytes.length);
    expect(e.message).toMatch(/^content\/x\.txt: byte \d+: /);
  });

  it('random high bytes with no control characters: not valid in any encoding', () => {
    const bytes = randomBytes(4096, 12345).map((b) => 0x80 | b);
    const e = decodeError(bytes);
    expect(e.problem).toMatch(/^not valid UTF-8, GB18030, Big5 or UTF-16 \(UTF-8 at byte \d+: .*GB18030 at byte \d+: .*Big5 at byte \d+: .*\)$/);
  });

  it('an undecodable byte names the furthest offset any decoding reached', () => {
    const bytes = new Uint8Array([0x61, 0x62, 0x63, 0xff, 0xff, 0x64]);
    const e = decodeError(bytes);
    expect(e.offset).toBe(3);
    expect(e.message).toMatch(/^content\/x\.txt: byte 3: not valid UTF-8, GB18030, Big5 or UTF-16 \(/);
  });

  it('GBK cut off in the middle of the last character', () => {
    const bytes = readFileSync(join(FIXTURES, 'bad', 'truncated.gbk.txt'));
    const e = decodeError(bytes);
    expect(e.offset).toBe(bytes.length - 1);
    expect(e.message).toContain('GB18030 at byte');
  });

  it('UTF-16: odd length and unpaired surrogates', () => {
    expect(decodeError(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])).offset).toBe(4);
    expect(decodeError(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00])).problem).toMatch(/unpaired UTF-16 high surrogate/);
    expect(decodeError(new Uint8Array([0xfe, 0xff, 0xdc, 0x00])).offset).toBe(2);
  });

  it('a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    const e = decodeError(bom([0xef, 0xbb, 0xbf], iconv.encode('国家', 'gbk')));
    expect(e.offset).toBe(3);
    expect(e.problem).toMatch(/byte-order mark/);
  });

  it('UTF-32 is named, not misread', () => {
    expect(decodeError(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).problem).toMatch(/UTF-32/);
  });

  it('Latin-1 prose is not passed off as Chinese', () => {
    const latin1 = iconv.encode('Les élèves étudièrent la société française à l’école.'.repeat(4), 'latin1');
    const e = decodeError(latin1);
    expect(e.problem).toMatch(/does not read as Chinese|not valid UTF-8, GB18030, Big5/);
  });
});

describe('readSource', () => {
  it('reads the bundled page as UTF-8', async () => {
    const r = await readSource(join(FIXTURES, 'seed-000.txt'));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(seed);
  });

  it('reads a GBK file', async () => {
    const r = await readSource(join(FIXTURES, 'encodings', 'zh-hans.gbk.txt'));
    expect(r.encoding).toBe('gb18030');
  });

  it('a missing file is a SourceError with no offset', async () => {
    const path = join(FIXTURES, 'no-such-file.txt');
    await expect(readSource(path)).rejects.toMatchObject({ name: 'SourceError', file: path, offset: null, problem: 'no such file', message: `${path}: no such file` });
  });

  it('a directory is a SourceError', async () => {
    await expect(readSource(FIXTURES)).rejects.toMatchObject({ offset: null, problem: 'is a directory, not a file' });
  });

  it('an empty file on disk', async () => {
    await expect(readSource(join(FIXTURES, 'bad', 'empty.txt'))).rejects.toMatchObject({ offset: 0, problem: 'empty file' });
  });
});

describe('the frequent-character table', () => {
  it('holds both scripts and no private-use characters', () => {
    const set = new Set(COMMON_HAN);
    expect(set.size).toBe([...COMMON_HAN].length);
    expect(set.size).toBeGreaterThan(4000);
    for (const c of '的是国國关關系係干幹乾发發髮后後里裡裏') expect([c, set.has(c)]).toEqual([c, true]);
    for (const c of COMMON_HAN) expect(/\p{Script=Han}/u.test(c)).toBe(true);
  });
});
