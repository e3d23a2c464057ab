import { MAX_IMPORT_BYTES } from '../../../shared/contract'
import type { SourceFormat } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'

export interface FetchedPage {
  /** Where the page ended up after redirects: the article's source URL. */
  url: string
  bytes: Uint8Array
  format: SourceFormat
}

const TIMEOUT_MS = 30_000

/** The parser for a response's Content-Type; null for what is not an article. */
function formatOfContentType(contentType: string): SourceFormat | null {
  const type = contentType.split(';')[0].trim().toLowerCase()
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html'
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown'
  if (type === 'text/plain' || type === '') return 'text'
  return null
}

/** Reads a body up to `limit` bytes, refusing (and cancelling) a larger one. */
async function readLimited(response: Response, url: string, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  const tooLarge = (): SorotFailure =>
    new SorotFailure('too_large', `${url} is larger than ${limit / 1024 / 1024} MB, the limit`)
  if (declared > limit) throw tooLarge()
  const chunks: Uint8Array[] = []
  let size = 0
  if (!response.body) return new Uint8Array()
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length
    if (size > limit) throw tooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Fetches an article the reader asked for by URL (the only time Sorot goes online), so it can
 * be stored and read offline. Only http(s); errors name the URL in plain words.
 */
export async function fetchArticlePage(
  url: string,
  limit = MAX_IMPORT_BYTES
): Promise<FetchedPage> {
  let response: Response
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { Accept: 'text/html, text/plain;q=0.9, */*;q=0.1' }
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    const why =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : (cause ?? (error as Error).message)
    throw new SorotFailure('unreadable', `Could not fetch ${url}: ${why}`)
  }
  const finalUrl = response.url || url
  if (!['http:', 'https:'].includes(new URL(finalUrl).protocol))
    throw new SorotFailure(
      'unsupported',
      `${url} redirected to ${finalUrl}, which Sorot does not open`
    )
  if (!response.ok) {
    await response.body?.cancel()
    throw new SorotFailure(
      'unreadable',
      `Could not fetch ${url}: the server answered ${response.status}`
    )
  }
  const contentType = response.headers.get('content-type') ?? ''
  const format = formatOfContentType(contentType)
  if (!format) {
    await response.body?.cancel()
    throw new SorotFailure('unsupported', `${url} is ${contentType}, not an article page`)
  }
  return { url: finalUrl, bytes: await readLimited(response, url, limit), format }
}
