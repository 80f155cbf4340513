// Tests for the `jiaokan` CLI as a user runs it: spawns `node bin/jiaokan.mjs` and checks help,
// exit codes, one-line errors on standard error, script conversion and the repaired bundled page.

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'jiaokan.mjs');
const SEED = 'content/articles/000_4e65b573a0795869/source.txt';
const TITLE = '国家与社会关系视角下基层社会治理的逻辑和路径';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the project root; stdout must be valid UTF-8. */
function jiaokan(args: string[], input?: string | Uint8Array): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, JIAOKAN_DEBUG: '' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const utf8 = new TextDecoder('utf-8', { fatal: true });
      resolve({ code, stdout: utf8.decode(Buffer.concat(out)), stderr: utf8.decode(Buffer.concat(err)) });
    });
    child.stdin.end(input ?? '');
  });
}

/** An error is exactly one line on standard error. */
function oneLine(r: Run): string {
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr.trimEnd();
}

const PINYIN_TAG = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u;
const PRIVATE_USE = /[\uE000-\uF8FF]/u;

describe('jiaokan: help and usage', () => {
  it('--help and help print the usage on stdout, exit 0', async () => {
    for (const r of await Promise.all([['--help'], ['-h'], ['help']].map((args) => jiaokan(args)))) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^jiaokan: .*\n\nUsage:\n {2}jiaokan repair FILE/);
      expect(r.stdout).toContain('jiaokan convert --to SCRIPT');
      expect(r.stderr).toBe('');
    }
  });

  it('help COMMAND and COMMAND --help print that command’s usage', async () => {
    const a = await jiaokan(['help', 'convert']);
    const b = await jiaokan(['convert', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^Usage: jiaokan convert --to /);
    expect(b.stdout).toBe(a.stdout);
  });

  it('no command, an unknown command or flag: usage on stderr, exit 2', async () => {
    const [none, unknown, flag, top, badScript, noTo, noFile] = await Promise.all([
      jiaokan([]),
      jiaokan(['frobnicate']),
      jiaokan(['repair', SEED, '--bogus']),
      jiaokan(['--bogus']),
      jiaokan(['convert', '--to', 'zh-CN']),
      jiaokan(['convert', '-'], '中文'),
      jiaokan(['repair']),
    ]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^jiaokan: no command given\n\n.*Usage:/s);

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^jiaokan: unknown command 'frobnicate'\n\n.*Usage:/s);

    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toMatch(/^jiaokan: Unknown option '--bogus'\n\nUsage: jiaokan repair/);

    expect(top.code).toBe(2);
    expect(top.stderr).toMatch(/^jiaokan: unknown option '--bogus'\n\n/);

    expect(badScript.code).toBe(2);
    expect(badScript.stderr).toMatch(/^jiaokan: --to must be one of zh-Hans, zh-Hant, zh-TW, zh-HK \(got 'zh-CN'\)/);

    expect(noTo.code).toBe(2);
    expect(noTo.stderr).toMatch(/^jiaokan: convert needs --to/);

    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/^jiaokan: repair needs a FILE/);
  });
});

describe('jiaokan: errors name file, place and problem', () => {
  it('a missing file', async () => {
    const r = await jiaokan(['repair', 'content/no-such-file.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r)).toBe('jiaokan: content/no-such-file.txt: no such file');
  });

  it('an empty file', async () => {
    const r = await jiaokan(['repair', 'tests/fixtures/bad/empty.txt']);
    expect(r.code).toBe(1);
    expect(oneLine(r)).toBe('jiaokan: tests/fixtures/bad/empty.txt: byte 0: empty file');
  });

  it('a binary file', async () => {
    const png = await jiaokan(['repair', 'tests/fixtures/bad/image.png.txt']);
    expect(png.code).toBe(1);
    expect(oneLine(png)).toMatch(/^jiaokan: tests\/fixtures\/bad\/image\.png\.txt: byte 0: .*PNG image/);

    const nul = await jiaokan(['convert', '--to', 'zh-Hant', 'tests/fixtures/bad/nul.txt']);
    expect(nul.code).toBe(1);
    expect(oneLine(nul)).toMatch(/^jiaokan: tests\/fixtures\/bad\/nul\.txt: byte 16: control character 0x00 \(NUL\)/);
  });

  it('undecodable bytes on standard input', async () => {
    const r = await jiaokan(['convert', '--to', 'zh-Hans'], new Uint8Array([0x61, 0x62, 0xff, 0xff]));
    expect(r.code).toBe(1);
    expect(oneLine(r)).toMatch(/^jiaokan: <stdin>: byte 2: not valid UTF-8, GB18030, Big5 or UTF-16 \(/);
  });
});

describe('jiaokan convert', () => {
  it('simplified → traditional and back, from standard input', async () => {
    const t = await jiaokan(['convert', '--to', 'zh-Hant'], '基层干部的关系');
    expect(t).toEqual({ code: 0, stdout: '基層幹部的關係', stderr: '' });
    const s = await jiaokan(['convert', '--to', 'zh-Hans', '-'], t.stdout);
    expect(s).toEqual({ code: 0, stdout: '基层干部的关系', stderr: '' });
  });

  it('a file in another encoding (GBK, Big5)', async () => {
    const gbk = await jiaokan(['convert', '--to', 'zh-Hans', 'tests/fixtures/encodings/zh-hans.gbk.txt']);
    expect(gbk.code).toBe(0);
    expect(gbk.stdout).toMatch(/^国家与社会的关系是观察和研究社会治理的重要视角。/);
    const big5 = await jiaokan(['convert', '--to', 'zh-Hans', 'tests/fixtures/encodings/zh-hant.big5.txt']);
    expect(big5.code).toBe(0);
    expect(big5.stdout).toContain('国家与社会的关');
  });

  it('empty standard input gives empty output', async () => {
    expect(await jiaokan(['convert', '--to', 'zh-TW'], '')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('jiaokan repair on the bundled page', () => {
  it('prints the simplified edition: title first, no pinyin tags, no private-use characters', async () => {
    const r = await jiaokan(['repair', SEED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(TITLE);
    expect(r.stdout).not.toMatch(PINYIN_TAG);
    expect(r.stdout).not.toMatch(PRIVATE_USE);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('--json has file, encoding, text, script and the apparatus', async () => {
    const r = await jiaokan(['repair', SEED, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ file: SEED, encoding: 'utf-8', script: 'zh-Hans' });
    expect(typeof j.text).toBe('string');
    expect((j.text as string).split('\n')[0]).toBe(TITLE);
    expect(Array.isArray(j.apparatus)).toBe(true);
    const apparatus = j.apparatus as Array<Record<string, unknown>>;
    expect(apparatus.length).toBeGreaterThan(0);
    for (const e of apparatus.slice(0, 50)) {
      expect(e).toMatchObject({ id: expect.any(String), kind: expect.any(String), witness: expect.any(String), reading: expect.any(String), confidence: expect.any(Number) });
      expect(e.page).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
      expect(e.edition).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
    }
    expect(apparatus.some((e) => e.kind === 'pinyin')).toBe(true);
  });

  it('--to zh-Hant prints the traditional edition', async () => {
    const r = await jiaokan(['repair', SEED, '--to', 'zh-Hant']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('國家與社會關係視角下基層社會治理的邏輯和路徑');
    expect(r.stdout).not.toMatch(PINYIN_TAG);
  });

  it('--to zh-TW keeps the surnames of the people the article names', async () => {
    // A page converted one character at a time writes the surname 范 as 範; the edition restores
    // 范, and the traditional edition keeps it for the reference's author (not for 規範).
    const dir = await mkdtemp(join(tmpdir(), 'jiaokan-cli-'));
    const file = join(dir, 'source.txt');
    await writeFile(file, '晚清詩社研究\n正文一段,見範秋白的規範研究[1]。\n參考文獻:\n[1] 範秋白.晚清閩中詩社與宋詩風氣[C].南京:鳳凰出版社,2017.\n');
    const r = await jiaokan(['repair', file, '--to', 'zh-TW']);
    await rm(dir, { recursive: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[1] 范秋白.晚清閩中詩社與宋詩風氣[C]');
    expect(r.stdout).toContain('見范秋白的規範研究');
  });

  it('parse prints the article model as JSON', async () => {
    const r = await jiaokan(['parse', SEED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const article = JSON.parse(r.stdout) as { script: string; slug: string; meta: { title: string } };
    expect(article.script).toBe('zh-Hans');
    expect(article.slug).toBe('000_4e65b573a0795869');
    expect(article.meta.title).toBe(TITLE);
  });
});
