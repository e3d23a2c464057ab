// sastrawijs ships types its package.json "exports" does not point at: the part Sorot uses.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[])
    stem(word: string): string
  }
}
