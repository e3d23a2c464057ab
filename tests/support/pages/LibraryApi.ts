import { expect } from '@playwright/test'
import type { ServedApp } from '../serve'

/** An import's outcome for one item, as the contract answers it. */
export interface ImportOutcome {
  id: string
  status: string
}

/**
 * The served core's contract, for setting up a library before (or beside) the page: the same
 * HTTP API the page uses, with the token from the served URL.
 */
export class LibraryApi {
  constructor(private readonly served: ServedApp) {}

  /** Calls a channel and returns its value; an error answer fails the test with its message. */
  async call<T>(channel: string, input: unknown): Promise<T> {
    const response = await fetch(`${this.served.origin}/rpc/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.served.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input)
    })
    const result = (await response.json()) as { ok: boolean; value: T; error?: unknown }
    expect(result.ok, `${channel}: ${JSON.stringify(result.error)}`).toBe(true)
    return result.value
  }

  /** Imports one text (its first line is the title) and returns the article's id. */
  async importText(text: string, name?: string): Promise<string> {
    const [outcome] = await this.call<ImportOutcome[]>('articles.import', {
      items: [{ text, ...(name && { name }) }]
    })
    return outcome.id
  }

  /** Imports several texts in one call. */
  importTexts(texts: string[]): Promise<ImportOutcome[]> {
    return this.call('articles.import', {
      items: texts.map((text) => ({ text, format: 'text' }))
    })
  }

  /** The library's articles, as `articles.list` gives them. */
  articles(): Promise<Array<{ id: string; title: string }>> {
    return this.call('articles.list', {})
  }

  /** A highlight over the first occurrence of `quote` in the article's text. */
  async highlight(
    articleId: string,
    quote: string,
    fields: { color?: string; labels?: string[]; note?: string } = {}
  ): Promise<{ id: string }> {
    const { text } = await this.call<{ text: string }>('articles.get', { id: articleId })
    const start = text.indexOf(quote)
    expect(start, `"${quote}" is in the article`).toBeGreaterThanOrEqual(0)
    return this.call('annotations.create', {
      articleId,
      kind: 'highlight',
      start,
      end: start + quote.length,
      labels: [],
      ...fields
    })
  }
}
