import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { termsOfDocument } from '../../src/main/core/search/analyze'
import { encodeCache, openCacheFile } from '../../src/main/core/search/cache-file'
import {
  SearchIndex,
  type DocumentTerms,
  type MatchWord
} from '../../src/main/core/search/search-index'
import { termsOfWord } from '../../src/main/core/search/terms'
import { CORPUS } from '../support/core'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** Real articles, each also cut into paragraphs: many documents share each term. */
async function corpusDocuments(): Promise<DocumentTerms[]> {
  const files = (await readdir(path.join(CORPUS, 'real'))).filter((f) => f.endsWith('.txt'))
  const docs: DocumentTerms[] = []
  for (const name of files) {
    const [title, ...paragraphs] = (await readFile(path.join(CORPUS, 'real', name), 'utf8'))
      .split(/\n\s*\n/)
      .filter((part) => part.trim())
    const doc = (id: string, heading: string, text: string, notes = ''): DocumentTerms =>
      termsOfDocument({ id, title: heading, text, highlights: '', notes, speakers: '' }, id)
    docs.push(doc(name, title, paragraphs.join('\n\n'), paragraphs[0]))
    paragraphs.forEach((text, i) => docs.push(doc(`${name}#${i}`, `Bagian ${i}`, text)))
  }
  return docs
}

const word = (text: string): MatchWord => ({ terms: termsOfWord(text), prefix: [] })
const QUERIES: Array<[MatchWord[], boolean]> = [
  [[word('kata')], true],
  [[word('kata'), word('bagian')], true],
  [[word('kata'), word('presiden')], false],
  [[{ terms: [], prefix: ['pe'] }], true],
  [[word('bagian')], true]
]

/** Every query's whole ranking, ids and scores. */
const answers = (index: SearchIndex): string[][] =>
  QUERIES.map(([words, all]) =>
    index.search(words, all, index.size).map((hit) => `${hit.id} ${hit.score}`)
  )

async function indexFile(index: SearchIndex): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-index-file-'))
  dirs.push(dir)
  const file = path.join(dir, 'search-index.bin')
  await writeFile(
    file,
    new Uint8Array(encodeCache(index.state(), { fingerprint: 'f', savedAt: 1 }))
  )
  return file
}

describe('the index file, its postings read on demand', () => {
  it('answers as the index it was written from, and follows changes made after it', async () => {
    const docs = await corpusDocuments()
    expect(docs.length).toBeGreaterThan(100)
    const half = Math.floor(docs.length / 2)
    const inMemory = new SearchIndex()
    inMemory.addAll(docs.slice(0, half))
    const file = await indexFile(inMemory)
    const onDisk = new SearchIndex(openCacheFile(file))
    expect(answers(onDisk)).toEqual(answers(inMemory))
    expect(answers(onDisk).map((hits) => hits.length > 5)).toEqual(QUERIES.map(() => true))

    // The same changes to both: the file's documents removed and replaced, new ones added.
    for (const index of [inMemory, onDisk]) {
      index.remove(docs[0].id)
      index.remove(docs[3].id)
      index.add({ ...docs[5], fields: [docs[5].fields[0], 'hujan deras', ''] })
      for (const doc of docs.slice(half)) index.add(doc)
    }
    expect(onDisk.size).toBe(docs.length - 2)
    const changed = answers(inMemory)
    expect(answers(onDisk)).toEqual(changed)
    const rain = [word('hujan'), word('deras')]
    expect(onDisk.search(rain, true, 5).map((hit) => hit.id)).toEqual([docs[5].id])
    expect(onDisk.search([word('kata')], true, onDisk.size).map((hit) => hit.id)).not.toContain(
      docs[0].id
    )

    // A new base written from the file and the changes answers alike.
    const rebased = new SearchIndex(openCacheFile(await indexFile(onDisk)))
    expect(answers(rebased)).toEqual(changed)
    for (const index of [onDisk, rebased]) index.close()
  })

  it('refuses a damaged dictionary when it loads, and damaged postings when they are read', async () => {
    const index = new SearchIndex()
    index.addAll((await corpusDocuments()).slice(0, 20))
    const file = await indexFile(index)
    const bytes = await readFile(file)
    const header = openCacheFile(file)
    header.close()
    const [documents, terms, dictionary] = header.header.sections.map(([, length]) => length)
    const start = bytes.length - header.header.sections.reduce((sum, [, n]) => sum + n, 0)

    const damagedDictionary = Buffer.from(bytes)
    damagedDictionary[start + documents + terms + Math.floor(dictionary / 2)] ^= 0xff
    await writeFile(file, damagedDictionary)
    expect(() => openCacheFile(file)).toThrow(/damaged contents/)

    // The postings are not read at load (that is the point): a query finds them damaged.
    const damagedPostings = Buffer.from(bytes)
    damagedPostings.fill(0xff, start + documents + terms + dictionary)
    await writeFile(file, damagedPostings)
    const loaded = new SearchIndex(openCacheFile(file))
    expect(() => loaded.search([word('kata')], true, 10)).toThrow(/damaged postings/)
    loaded.close()
  })
})
