// The typed result of the repair stage: the simplified edition text, the apparatus, and the page
// furniture that was taken out of the body (kept because some of it is metadata).

import type { Emendation, Span } from './apparatus.ts';

/** The role a furniture line played on the source page. */
export type FurnitureRole =
  | 'spam' // the first line of spam keywords, the last line of spam titles
  | 'placeholder' // a line holding only `?`
  | 'posted-byline' // the site's posting timestamp glued to the author names
  | 'journal-issue' // journal name and issue, e.g. `寧夏黨校學報 2021年1期`
  | 'site-keywords' // the site's keyword line, keywords glued together
  | 'byline' // the author line repeated by the site
  | 'related-heading' // `猜你喜歡`
  | 'related-title' // a recommended title
  | 'related-source'; // a recommended title's journal, issue and date line

export interface FurnitureLine {
  role: FurnitureRole;
  /** 0-based line number in the decoded page. */
  line: number;
  page: Span;
  /** The line exactly as the page had it (trimmed of indentation). */
  witness: string;
  /** The same line repaired and in simplified script (pinyin tags removed, punctuation restored). */
  reading: string;
}

export interface RepairResult {
  /** The simplified edition: title first, then one paragraph or heading per line. */
  text: string;
  /**
   * The same edition in the page's own script (traditional as the page converted it, 著 and all),
   * repaired but before the script was restored; same length and lines as `text`.
   */
  sourceText: string;
  /** Every non-whitespace change, in page order. */
  apparatus: Emendation[];
  /** Lines taken out of the body, in page order. */
  furniture: FurnitureLine[];
  /** For each edition line, where it came from in the page. */
  lines: Array<{ edition: Span; page: Span }>;
}
