// Pinyin tag detection for the damaged pages: which parentheticals are pinyin readings of the
// character in front of them, and the syllable and reading tables the mojibake repair shares.
// It never edits text.

export { authorGlossed, findPinyinTags, stripPinyinTags, readingFit, reads, MISFIT, PINYIN_LETTERS, withoutPinyinParentheticals } from './tags.ts';
export type { PinyinTag, FindPinyinTagsOptions } from './tags.ts';
export { isPinyinSyllable, parseSyllable, syllableInventory } from './syllable.ts';
export type { ParsedSyllable, Tone, LetterCase } from './syllable.ts';
export { readingsOf, readingKeysOf } from './readings.ts';
export type { Reading } from './readings.ts';
