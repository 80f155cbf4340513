// The tuning constants of the realignment: priors, costs, bonuses and the limits of the search.

/** Margin in nats a run's best reading must have over every other reading, else it is all □. */
export const ACCEPT_MARGIN = 3;
/**
 * Log-odds in nats a single uncertain character's reading must have against all the other
 * readings of its place (see `logOdds`), else it becomes □. 2.25 with the log-odds prints more
 * exact runs and fewer wrong ones than 2.5 with the margin over the second reading alone did.
 */
export const CHAR_MARGIN = 2.25;
/** Nats of margin per e-fold of doubt: confidence = 1 − exp(−margin / scale). */
export const CONFIDENCE_SCALE = 6;
/** No realigned reading is surer than this: any run may hide a vanished pair. */
export const VANISH_CONFIDENCE_CAP = 0.85;
export const MAX_TOKENS = 48;
export const BEAM = 16;
/** Prior cost of assuming a byte pair vanished without a trace. */
export const VANISH_COST = 3;
/**
 * Prior cost of reading on past a `?` inside a run, as a pair GBK could not read. GBK maps every
 * pair a misreading makes, so a `?` almost always ends the run (a broken pair). Free, it let runs
 * read on through in-step text: on the clinical article with most broken pairs swallowing a byte,
 * 15.1 % of runs were wrong; at 6, 12.2 % (the rest lacunae), exact unchanged.
 */
export const UNREADABLE_COST = 6;
/**
 * Prior cost of a private-use trail byte other than the one the page shows. The page's hint is
 * wrong often (one private-use character in four on the bundled page, one in five on simulated
 * pages), yet a cheap alternative does more harm than good: where the hint is right, it gives the
 * models room to read a wrong character they like a few nats better. On all ten whole-page samples,
 * 4.5 / 6 / 7 / 8 / 10 / 14 nats read 76.4 / 77.3 / 77.5 / 77.8 / 78.1 / 77.4 % of runs exactly
 * and 8.8 / 8.7 / 8.6 / 8.4 / 8.7 / 9.9 % wrongly; 8 is the least wrong, and gains on small pages
 * too (70.0 / 10.3 against 69.4 / 10.3 at 6).
 */
export const PUA_TRAIL_COST = 8;
/** And for each step the trail byte lies away from the hint. */
export const PUA_TRAIL_DISTANCE_COST = 0.05;
/**
 * Cost of a run whose only misread character is a pair with the ASCII letter after it (`?琈PR`):
 * `?` before a character whose trail byte is a letter (結 8D 59, 筆 B9 50) is as often a question
 * mark. 4 nats still read 無效?筆者 as a run on clean pages; 8 and 12 measured the same on runs.
 */
export const ONE_PAIR_RUN_COST = 10;
/** Cost of a run whose lost lead byte left no `?` on the page. */
export const SILENT_START_COST = 6;
/** A pinyin tag after the run that reads the restored character: bonus; that does not: cost. */
export const TAG_FIT_BONUS = 6;
export const TAG_MISFIT_COST = 10;
/** A character the page always tags, read where no tag follows it. */
export const TAGGED_INSIDE_COST = 8;
/** A character the page's one-character-at-a-time conversion would have changed. */
export const NOT_PAGE_FORM_COST = 5;
/** A character of the rows Chinese prose does not use (box drawing, kana, Cyrillic, pinyin letters). */
export const NOT_PROSE_COST = 8;
/** A closing quote or bracket read where nothing opened it. */
export const UNMATCHED_CLOSER_COST = 6;
/** An opening quote or bracket read where nothing after it on the line closes it. */
export const UNCLOSED_OPENER_COST = 6;
/** A closing bracket where one opened within the last few characters: the likeliest reading. */
export const NEAR_CLOSER_BONUS = 4;
export const NEAR_OPEN = 8;
export const RIGHT_CONTEXT = 4;
/** Weight of the word model against the character model in the word-aware pass. */
export const WORD_WEIGHT = 1;
/** Characters of context on each side the word model reads. */
export const WORD_CONTEXT = 6;
/** Options per position the word-aware pass tries. */
export const REFINE_KEEP = 8;
/** Characters on each side of a position the word-aware pass reads when comparing its options. */
export const REFINE_WINDOW = 6;
/** How many places a run may end at before the search stops reading. */
export const MAX_ENDS = 4;
/** How many options of one position survive the local pruning. */
export const LOCAL_KEEP = 24;
/** How many first halves of a vanished pair are combined with the second halves. */
export const VANISH_FIRSTS = 5;
/** Below this local score (nats) of a position's reading on a best path, a vanished pair is looked for there. */
export const VANISH_LOOK_BELOW = -9;
/** The best paths of how many hypotheses are searched for places a pair may have vanished (more: slower, no better). */
export const VANISH_PATHS = 1;
/** How many second halves of a vanished pair are combined with the first halves. */
export const VANISH_SECONDS = 200;
