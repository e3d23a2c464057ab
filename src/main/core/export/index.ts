import { randomUUID } from 'node:crypto'
import type { ExportFormat, Language } from '../../../shared/enums'
import { SorotFailure } from '../../../shared/result'
import type { LibraryStore } from '../store/library-store'
import { renderCsv } from './csv'
import { gatherExport, type ExportScope, type GatherOptions } from './gather'
import { renderHtml } from './html'
import { exportWords } from './i18n'
import { renderJsonLd } from './jsonld'
import { renderMarkdown, type ExportFile } from './markdown'
import { exportBaseName } from './names'
import { renderText } from './text'

export type { ExportFile } from './markdown'

export interface ExportRequest extends ExportScope {
  format: ExportFormat
  language?: Language
  /** Markdown only: one file per article instead of one combined file. */
  split?: boolean
}

/** A finished export; `files` holds the notes of a split Markdown export. */
export interface RenderedExport {
  content: string
  mimeType: string
  fileName: string
  files?: ExportFile[]
}

const MIME_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8'
}

const EXTENSIONS: Record<ExportFormat, string> = {
  md: 'md',
  csv: 'csv',
  jsonld: 'jsonld',
  html: 'html',
  txt: 'txt'
}

/**
 * Renders the annotations of a scope (one article, some, or the library; by label or
 * speaker) in one format, in the requested language, else the library's, else English.
 */
export async function renderExport(
  store: LibraryStore,
  request: ExportRequest,
  options: Pick<GatherOptions, 'speakerName'> = {}
): Promise<RenderedExport> {
  if (request.split && request.format !== 'md')
    throw new SorotFailure('bad_input', 'split: only Markdown exports can be split into files')
  const articles = await gatherExport(store, request, options)
  const words = await exportWords(request.language ?? store.settings.data.language ?? 'en')
  const exportedAt = new Date().toISOString()
  const fileName = `${exportBaseName(articles, exportedAt)}.${EXTENSIONS[request.format]}`
  const mimeType = MIME_TYPES[request.format]
  switch (request.format) {
    case 'md': {
      const { content, files } = renderMarkdown(articles, words, {
        split: request.split,
        exportedAt
      })
      return { content, mimeType, fileName, ...(files && { files }) }
    }
    case 'csv':
      return { content: renderCsv(articles, words), mimeType, fileName }
    case 'jsonld':
      return {
        content: renderJsonLd(articles, words, { exportedAt, exportId: randomUUID() }),
        mimeType,
        fileName
      }
    case 'html':
      return { content: renderHtml(articles, words, { exportedAt }), mimeType, fileName }
    case 'txt':
      return { content: renderText(articles, words), mimeType, fileName }
  }
}
