/**
 * Generates a library for the benchmarks: article files and index.json written straight to a
 * data dir (the setup is not what is measured), with Indonesian words from the real corpus.
 */
import { createHash, randomUUID } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { SCHEMA_VERSION } from '../../src/main/core/store/schemas'
import type { ArticleMeta, Block } from '../../src/shared/model'
import { canonicalText, countWords } from '../../src/shared/text'

const CORPUS = path.resolve(__dirname, '../../tests/fixtures/corpus/real')

/** Every word of the real corpus, in order, so generated text has Indonesian word forms. */
export function corpusWords(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(CORPUS, f), 'utf8').split(/\s+/))
    .filter(Boolean)
}

/** A deterministic pseudo-random source, so every run measures the same library. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Paragraphs of about `words` words drawn from the corpus. */
export function articleParagraphs(words: string[], count: number, random: () => number): string[] {
  const paragraphs: string[] = []
  let left = count
  while (left > 0) {
    const length = Math.min(left, 40 + Math.floor(random() * 40))
    const start = Math.floor(random() * (words.length - length))
    paragraphs.push(words.slice(start, start + length).join(' '))
    left -= length
  }
  return paragraphs
}

const OUTLETS = ['Kompas.com', 'detik.com', 'Tempo.co', 'ANTARA', 'Republika', 'Liputan6']

/** Writes `count` articles of about `words` words into a new data dir. */
export function generateLibrary(dataDir: string, count: number, words = 600): void {
  const vocabulary = corpusWords()
  const random = seededRandom(count)
  mkdirSync(path.join(dataDir, 'articles'), { recursive: true })
  mkdirSync(path.join(dataDir, 'annotations'), { recursive: true })
  mkdirSync(path.join(dataDir, 'backups'), { recursive: true })
  const articles: ArticleMeta[] = []
  const day = 86_400_000
  for (let i = 0; i < count; i++) {
    const id = randomUUID()
    const paragraphs = articleParagraphs(vocabulary, words, random)
    const blocks: Block[] = paragraphs.map((text) => ({ type: 'p', text }))
    const text = canonicalText(blocks)
    const contentHash = createHash('sha256').update(text).digest('hex')
    const importedAt = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()
    writeFileSync(
      path.join(dataDir, 'articles', `${id}.json`),
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        id,
        versions: [{ version: 1, blocks, removed: [], importedAt, contentHash }]
      })
    )
    articles.push({
      id,
      title: `${paragraphs[0].split(' ').slice(0, 8).join(' ')} (${i + 1})`,
      outlet: OUTLETS[i % OUTLETS.length],
      author: null,
      url: null,
      publishedAt: new Date(Date.UTC(2023, 0, 1) + (i % 700) * day).toISOString(),
      language: 'id',
      wordCount: countWords(text),
      importedAt,
      updatedAt: importedAt,
      contentHash,
      versionCount: 1,
      sourceName: null
    })
  }
  writeFileSync(
    path.join(dataDir, 'index.json'),
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, articles })
  )
  writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, language: null, theme: 'system' })
  )
}

/** Marks a cached library as complete: a generation killed half way is made again. */
const COMPLETE = '.bench-complete'

/**
 * A generated library of `count` articles kept in `cacheDir` (outside any repository) and
 * reused by every run: generating 100,000 articles takes minutes and 830 MB. Sections must not
 * write into it; cloneLibrary gives them a copy they may change.
 */
export function cachedLibrary(cacheDir: string, count: number): string {
  const dataDir = path.join(cacheDir, `library-${count}`)
  if (existsSync(path.join(dataDir, COMPLETE))) return dataDir
  rmSync(dataDir, { recursive: true, force: true })
  process.stderr.write(`bench: generating ${count} articles into ${dataDir}…\n`)
  generateLibrary(dataDir, count)
  writeFileSync(path.join(dataDir, COMPLETE), new Date().toISOString())
  return dataDir
}

/**
 * A library a section may write to, made from a cached one in seconds: article files are
 * hard-linked (Sorot replaces them by rename, never in place, so the cache stays as it was),
 * the rest copied; copied everywhere where the file system cannot link.
 */
export function cloneLibrary(from: string, to: string): void {
  mkdirSync(path.join(to, 'articles'), { recursive: true })
  mkdirSync(path.join(to, 'annotations'), { recursive: true })
  mkdirSync(path.join(to, 'backups'), { recursive: true })
  for (const file of ['index.json', 'settings.json'])
    copyFileSync(path.join(from, file), path.join(to, file))
  for (const name of readdirSync(path.join(from, 'articles'))) {
    const source = path.join(from, 'articles', name)
    const target = path.join(to, 'articles', name)
    try {
      linkSync(source, target)
    } catch {
      copyFileSync(source, target)
    }
  }
}
