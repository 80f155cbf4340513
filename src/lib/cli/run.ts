// The `jiaokan` commands: parses a command line with node:util parseArgs, reads and decodes the
// input, calls the library (repair, script, model) and writes UTF-8 text or JSON. It holds no
// text-processing logic of its own and never touches the process: all I/O goes through `io`,
// so it can be tested in-process; main.ts wires it to the real streams and exit code.

import { parseArgs } from 'node:util';
import { basename, dirname, resolve, sep } from 'node:path';
import { decodeSource, readSource, SourceError, type DecodedSource } from '../decode/index.ts';
import { COMMAND_USAGE, SCRIPTS, USAGE, UsageError, type ScriptName } from './usage.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, as bytes. */
  stdin: () => Promise<Uint8Array>;
}

/** Exit codes: 0 done, 1 the input or a stage failed, 2 a wrong command line. */
export type ExitCode = 0 | 1 | 2;

const STDIN = '<stdin>';

type Parsed = ReturnType<typeof parseArgs<{ options: Record<string, { type: 'string' | 'boolean'; short?: string }>; allowPositionals: true; strict: true }>>;

function parse(command: string, args: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>): Parsed {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs's first sentence is the clear part ("Unknown option '--x'"); the rest is advice
    // about `--` that a usage text makes unnecessary.
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument[^]*$/, ''), command);
  }
}

function script(command: string, value: unknown, allowed: readonly string[], fallback?: string): string {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`${command} needs --to (one of ${allowed.join(', ')})`, command);
  }
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new UsageError(`--to must be one of ${allowed.join(', ')} (got '${String(value)}')`, command);
  }
  return value;
}

function oneFile(command: string, positionals: string[], optional = false): string | undefined {
  if (positionals.length > 1) throw new UsageError(`${command} takes one FILE (got ${positionals.length})`, command);
  if (positionals.length === 0 && !optional) throw new UsageError(`${command} needs a FILE`, command);
  return positionals[0];
}

/** The slug of `content/articles/<slug>/source.txt`, else the file's name without extension. */
export function slugOf(file: string): string {
  const abs = resolve(file);
  if (basename(abs) === 'source.txt' && basename(dirname(dirname(abs))) === 'articles') return basename(dirname(abs));
  return basename(abs).replace(/\.[^.]*$/, '').split(sep).join('-');
}

async function repairFile(file: string): Promise<{ decoded: DecodedSource; result: import('../repair/index.ts').RepairResult }> {
  const decoded = await readSource(file);
  const { repairPage } = await import('../repair/index.ts');
  return { decoded, result: repairPage(decoded.text, { source: file }) };
}

const withNewline = (s: string): string => (s.endsWith('\n') ? s : `${s}\n`);

async function repair(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse('repair', args, { to: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) return help('repair', io);
  const to = script('repair', values.to, [...SCRIPTS, 'source'], 'zh-Hans') as ScriptName | 'source';
  const file = oneFile('repair', positionals)!;
  const { decoded, result } = await repairFile(file);
  let text = result.text;
  let shown: ScriptName = 'zh-Hans';
  if (to === 'source') {
    // The repaired text in the page's own script (before the script was restored).
    text = result.sourceText;
    shown = 'zh-Hant';
  } else if (to !== 'zh-Hans') {
    // The people the article names keep their surnames (范秋白, not 範秋白), as on the site.
    const model = await import('../model/index.ts');
    text = model.traditionalConverter(model.parseArticle(result, { slug: slugOf(file) }), to)(result.text);
    shown = to;
  }
  if (values.json) {
    const out = { file, encoding: decoded.encoding, text, script: shown, apparatus: result.apparatus };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout(withNewline(text));
  }
  return 0;
}

async function convertCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse('convert', args, { to: { type: 'string' } });
  if (values.help) return help('convert', io);
  const to = script('convert', values.to, SCRIPTS) as ScriptName;
  const file = oneFile('convert', positionals, true);
  let text: string;
  if (file === undefined || file === '-') {
    const bytes = await io.stdin();
    text = bytes.length === 0 ? '' : decodeSource(bytes, STDIN).text;
  } else {
    text = (await readSource(file)).text;
  }
  const { convert } = await import('../script/index.ts');
  io.stdout(convert(text, to));
  return 0;
}

async function parseCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse('parse', args, { to: { type: 'string' } });
  if (values.help) return help('parse', io);
  const to = script('parse', values.to, ['zh-Hans', 'zh-Hant'], 'zh-Hans') as 'zh-Hans' | 'zh-Hant';
  const file = oneFile('parse', positionals)!;
  const { result } = await repairFile(file);
  const model = await import('../model/index.ts');
  const article = model.parseArticle(result, { slug: slugOf(file) });
  const out = to === 'zh-Hans' ? article : model.articleInScript(article, to);
  io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

function help(command: string | undefined, io: CliIo): ExitCode {
  if (command !== undefined && !(command in COMMAND_USAGE)) throw new UsageError(`no command '${command}'`);
  io.stdout(command === undefined ? USAGE : COMMAND_USAGE[command]!);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<ExitCode>> = {
  repair,
  convert: convertCommand,
  parse: parseCommand,
  help: async (args, io) => {
    if (args.length > 1) throw new UsageError('help takes at most one COMMAND', 'help');
    return help(args[0], io);
  },
};

/** Runs one command line (without `node` and the script). Never throws: returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError('no command given');
    if (command === '--help' || command === '-h') return help(undefined, io);
    const fn = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!fn) throw new UsageError(command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`);
    return await fn(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`jiaokan: ${err.message}\n\n${err.command ? COMMAND_USAGE[err.command] : USAGE}`);
      return 2;
    }
    if (err instanceof SourceError) {
      io.stderr(`jiaokan: ${err.message}\n`);
      return 1;
    }
    const e = err as Error;
    // Anything else is a bug or a stage's own error: one line, the stack only when asked for.
    const line = (e?.message ?? String(err)).split('\n')[0];
    io.stderr(`jiaokan: ${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${line}\n`);
    if (process.env.JIAOKAN_DEBUG) io.stderr(`${e?.stack ?? ''}\n`);
    return 1;
  }
}
