/*
 * An editor is not an author: a name the page credits only as its editor ("Editor: X",
 * "Penyunting: X") is not taken for the writer, however its metadata names it.
 */

const EDITOR = String.raw`(?:[Ee]ditor|EDITOR|[Pp]enyunting|PENYUNTING|[Rr]edaktur|REDAKTUR)`
const WRITER = String.raw`(?:[Pp]enulis|PENULIS|[Rr]eporter|REPORTER|[Pp]ewarta|PEWARTA|[Ww]artawan|WARTAWAN|[Kk]ontributor|KONTRIBUTOR)`

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether `text` credits `name` after one of `labels` ("Editor: Sri Juliati"). */
function credits(text: string, labels: string, name: string): boolean {
  // The name may run into the next element's text ("Sri JuliatiBaca juga"), but not on in a word.
  return new RegExp(`${labels}\\s*:\\s*${escape(name)}(?!\\p{Ll})`, 'u').test(text)
}

/** Whether the page's `text` credits `name` as its editor and never as a writer. */
export function onlyEditor(text: string, name: string): boolean {
  return credits(text, EDITOR, name) && !credits(text, WRITER, name)
}
