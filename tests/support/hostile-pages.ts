/** Generated hostile pages (issue 19): deep nesting that makes a full parse superlinear. */

const PARAGRAPH =
  '<p>Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca.</p>'

/** `<ul><li>` nested `levels` deep, every element closed: about 19 bytes a level. */
export const nestedLists = (levels: number): string =>
  `<html><body>${PARAGRAPH}${'<ul><li>x'.repeat(levels)}${'</li></ul>'.repeat(levels)}</body></html>`

/** `<li><ul>` repeated and never closed: each list item opens a deeper list. */
export const unclosedLists = (levels: number): string =>
  `<html><body>${PARAGRAPH}${'<li><ul>'.repeat(levels)}</body></html>`

/** `<div>` nested `levels` deep around a short article. */
export const nestedDivs = (levels: number, article: string): string =>
  `<html><body>${'<div>'.repeat(levels)}${article}${'</div>'.repeat(levels)}</body></html>`
