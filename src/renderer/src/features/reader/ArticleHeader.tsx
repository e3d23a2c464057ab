import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDetail, Settings } from '@shared/model'
import { Label } from '@renderer/components/Gloss'
import { formatDate, formatNumber } from '@renderer/format'
import { ExportButton } from '@renderer/features/export/ExportButton'
import { EditDetailsDialog } from './EditDetailsDialog'
import { ReaderSettings } from './ReaderSettings'
import { RemovedPanel } from './RemovedPanel'

/** Words per minute used for the reading-time estimate. */
const READING_SPEED = 200

interface Props {
  article: ArticleDetail
  settings: Settings | null
  updateSettings: (change: Partial<Settings>) => Promise<void>
  onArticleChanged: (article: ArticleDetail) => void
  onFind: () => void
  onHelp: () => void
}

/** The article's title, byline (outlet, author, date, length) and the reader's tools. */
export function ArticleHeader({
  article,
  settings,
  updateSettings,
  onArticleChanged,
  onFind,
  onHelp
}: Props): ReactElement {
  const { t, i18n } = useTranslation()
  const [editingDetails, setEditingDetails] = useState(false)
  const lang = i18n.language
  const published = formatDate(article.publishedAt, lang)
  const minutes = Math.max(1, Math.round(article.wordCount / READING_SPEED))
  return (
    <header className="article-header">
      <h1 id="article-title">{article.title}</h1>
      <p className="article-byline muted" lang={lang}>
        {[
          article.outlet,
          article.author,
          published
            ? t('reader.published', { date: published })
            : t('reader.imported', { date: formatDate(article.importedAt, lang) }),
          t('reader.wordsAndMinutes', { words: formatNumber(article.wordCount, lang), minutes })
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div className="article-tools" lang={lang}>
        <button type="button" className="button small" onClick={() => setEditingDetails(true)}>
          {t('reader.edit')}
        </button>
        {settings && <ReaderSettings settings={settings} update={updateSettings} />}
        <button type="button" className="button small" onClick={onFind}>
          <Label k="reader.find.open" />
        </button>
        <button type="button" className="button small" onClick={onHelp}>
          {t('reader.shortcuts.open')}
        </button>
        <RemovedPanel article={article} onRestored={onArticleChanged} />
        <ExportButton articleId={article.id} />
      </div>
      <EditDetailsDialog
        key={article.updatedAt}
        article={article}
        open={editingDetails}
        onClose={() => setEditingDetails(false)}
        onSaved={(meta) => onArticleChanged({ ...article, ...meta })}
      />
    </header>
  )
}
