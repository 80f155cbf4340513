// The article model's entry point: parse the repaired edition once (zh-Hans) and give the model
// in either script. It holds no logic of its own.

export type * from './types.ts';
export { parseArticle, allParagraphs, allSections, type ParseOptions } from './parse.ts';
export { articleInScript, traditionalConverter, type Convert } from './script.ts';
export { findCitations, expandCitation, citationId, referenceId, type CitationMarker } from './citations.ts';
