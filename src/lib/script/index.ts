// Simplified ↔ traditional for Jiaokan: restores the author's simplified text from a page that
// was converted to traditional one character at a time, and makes correct traditional editions
// afresh from it. Built on opencc-js; the project's own knowledge lives in the .tsv files here.
// It never touches pinyin tags, mojibake or punctuation.

export { restoreSimplified, convertSameLength, SCRIPT_RULES } from './restore.ts';
export type { ScriptDecision, ScriptRule, RestoreOptions } from './restore.ts';
export { toTraditional, variantForm } from './traditional.ts';
export type { TraditionalVariant } from './traditional.ts';
export { convert, toSimplified, scriptCounts } from './convert.ts';
export type { ScriptTarget } from './convert.ts';
export { corrections, parseCorrectionsText, TRADITIONAL_VARIANTS } from './corrections.ts';
export type { Correction } from './corrections.ts';
export { zhuWordList, staysZhu } from './zhe.ts';
export { keepSurnames, surnameForms } from './names.ts';
export { simplifiedCharOf } from './opencc.ts';
export { convertAroundGlosses } from './glosses.ts';
export { hasKana, japaneseSpans } from './japanese.ts';
