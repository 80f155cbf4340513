// The linking plugins' entry point: unified plugins that each do one job over the model's text
// rendered as hast (citations, note markers, keywords, anchors), and the hast rendering they run on. No logic.

export { rehypeCitations, type CitationsOptions, type Backlinks } from './citations.ts';
export { rehypeKeywords, type KeywordsOptions } from './keywords.ts';
export { rehypeAnchors, type AnchorsOptions } from './anchors.ts';
export { rehypeNoteRefs, type NoteRefsOptions } from './notes.ts';
export { bodyHast, endnotesHast, sectionHast, paragraphHast, referencesHast } from './hast.ts';
export { safeHref, fragment } from './href.ts';
