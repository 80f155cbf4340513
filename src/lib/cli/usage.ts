// The CLI's help texts and its usage error. Text only: it never runs a command.

export const SCRIPTS = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

export const USAGE = `jiaokan: turns damaged copies of Chinese journal articles into a clean edition

Usage:
  jiaokan repair FILE [--to SCRIPT|source] [--json]
      Decode FILE (UTF-8, UTF-16 with BOM, GB18030/GBK or Big5), repair it and print the
      edition, one paragraph or heading per line. SCRIPT is zh-Hans (default), zh-Hant,
      zh-TW or zh-HK; source prints the page's own script. --json prints
      { file, encoding, text, script, apparatus } instead.
  jiaokan convert --to SCRIPT [FILE|-]
      Print FILE (or standard input, for - or no FILE) in SCRIPT.
  jiaokan parse FILE [--to zh-Hans|zh-Hant]
      Repair FILE and print the article model (title, authors, sections, references …) as JSON.
  jiaokan help [COMMAND]
      Print this help, or one command's.

Errors are one line on standard error naming the file, the place and the problem (exit 1);
a wrong command line prints this usage on standard error (exit 2). Output is UTF-8.
`;

export const COMMAND_USAGE: Record<string, string> = {
  repair: `Usage: jiaokan repair FILE [--to zh-Hans|zh-Hant|zh-TW|zh-HK|source] [--json]

Decodes FILE, repairs it (mojibake, pinyin tags, lost spaces, folded punctuation, script, page
furniture) and prints the edition, one paragraph or heading per line.
  --to SCRIPT   zh-Hans (default), zh-Hant, zh-TW, zh-HK, or source (the page's own script)
  --json        print { file, encoding, text, script, apparatus } as JSON; apparatus offsets
                ("edition") refer to the zh-Hans text, "page" offsets to the decoded page,
                both in UTF-16 code units
`,
  convert: `Usage: jiaokan convert --to zh-Hans|zh-Hant|zh-TW|zh-HK [FILE|-]

Prints FILE (or standard input, for - or no FILE) in the target script. Input may be simplified
or traditional, in any encoding jiaokan reads.
`,
  parse: `Usage: jiaokan parse FILE [--to zh-Hans|zh-Hant]

Repairs FILE and prints the article model as JSON (zh-Hans by default).
`,
  help: `Usage: jiaokan help [COMMAND]
`,
};

/** A wrong command line: printed with the usage on standard error, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly command: string | null;
  constructor(message: string, command: string | null = null) {
    super(message);
    this.command = command;
  }
}
