import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LABELS } from '@shared/annotations'
import type { ChannelInput } from '@shared/contract'
import type { Language } from '@shared/model'
import { api } from '@renderer/api'
import { Dialog } from '@renderer/components/Dialog'
import { Label } from '@renderer/components/Gloss'
import { EXPORT_FORMATS as FORMATS, type ExportFormat as Format } from '@shared/enums'

type Scope = 'article' | 'selection' | 'library'

interface Props {
  /** The article the dialog was opened from; absent when opened from the library. */
  articleId?: string
  /** The articles selected in the library, when the dialog was opened for them. */
  articleIds?: readonly string[]
  open: boolean
  onClose: () => void
}

/** Choosing format, language and scope of an export, then saving or copying it. */
export function ExportDialog({ articleId, articleIds, open, onClose }: Props): ReactElement {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [format, setFormat] = useState<Format>('md')
  const [language, setLanguage] = useState<Language>(i18n.language === 'id' ? 'id' : 'en')
  const selection = articleIds && articleIds.length > 0 ? articleIds : null
  const [scope, setScope] = useState<Scope>(
    articleId ? 'article' : selection ? 'selection' : 'library'
  )
  const scopeIds =
    scope === 'article' && articleId
      ? [articleId]
      : scope === 'selection' && selection
        ? [...selection]
        : null
  const wholeLibrary = scope === 'library'
  const [label, setLabel] = useState('')
  const [speaker, setSpeaker] = useState('')
  const [split, setSplit] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function render(): Promise<{
    content: string
    mimeType: string
    fileName: string
    files?: Array<{ fileName: string; content: string }>
  } | null> {
    const input: ChannelInput<'export.render'> = {
      format,
      language,
      ...(scopeIds && { articleIds: scopeIds }),
      ...(label && { label }),
      ...(speaker.trim() && { speaker: speaker.trim() }),
      ...(format === 'md' && split && scope !== 'article' && { split: true })
    }
    setBusy(true)
    setStatus(t('export.dialog.working'))
    const result = await api.call('export.render', input)
    setBusy(false)
    if (!result.ok) {
      setStatus(t('errors.generic', { message: result.error.message }))
      return null
    }
    return result.value
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const rendered = await render()
    if (!rendered) return
    const result = rendered.files
      ? await api.saveFiles({
          files: rendered.files,
          mimeType: rendered.mimeType,
          overwritePrompt: {
            message: t('export.dialog.overwrite'),
            replace: t('export.dialog.replace'),
            cancel: t('common.cancel')
          }
        })
      : await api.saveFile({
          suggestedName: rendered.fileName,
          content: rendered.content,
          mimeType: rendered.mimeType
        })
    if (!result.ok) setStatus(t('errors.generic', { message: result.error.message }))
    else if (result.value.status === 'cancelled') setStatus(t('export.dialog.cancelled'))
    else if (rendered.files)
      setStatus(
        t('export.dialog.savedFolder', {
          count: result.value.count,
          location: result.value.location
        })
      )
    else setStatus(t('export.dialog.saved', { fileName: result.value.location }))
  }

  async function copy(): Promise<void> {
    const rendered = await render()
    if (!rendered) return
    try {
      await navigator.clipboard.writeText(rendered.content)
      setStatus(t('export.dialog.copied'))
    } catch (error) {
      setStatus(t('errors.generic', { message: (error as Error).message }))
    }
  }

  return (
    <Dialog open={open} title={t('export.dialog.title')} onClose={onClose}>
      <form className="export-form" onSubmit={(event) => void save(event)}>
        <div className="field">
          <label htmlFor={`${id}-format`}>
            <Label k="export.dialog.format" />
          </label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(event) => setFormat(event.target.value as Format)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`export.dialog.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>
            <Label k="export.dialog.language" />
          </label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            <option value="id">{t('languages.id')}</option>
            <option value="en">{t('languages.en')}</option>
          </select>
        </div>
        {(articleId || selection) && (
          <fieldset className="field">
            <legend>
              <Label k="export.dialog.scope" />
            </legend>
            {articleId && (
              <label>
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={scope === 'article'}
                  onChange={() => setScope('article')}
                />{' '}
                {t('export.dialog.scopeArticle')}
              </label>
            )}
            {selection && (
              <label>
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={scope === 'selection'}
                  onChange={() => setScope('selection')}
                />{' '}
                {t('export.dialog.scopeSelection', { count: selection.length })}
              </label>
            )}
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={wholeLibrary}
                onChange={() => setScope('library')}
              />{' '}
              {t('export.dialog.scopeLibrary')}
            </label>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor={`${id}-label`}>
            <Label k="export.dialog.label" />
          </label>
          <select
            id={`${id}-label`}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          >
            <option value="">{t('export.dialog.anyLabel')}</option>
            {DEFAULT_LABELS.map((key) => (
              <option key={key} value={key}>
                {t(`export.labels.${key}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-speaker`}>
            <Label k="export.dialog.speaker" />
          </label>
          <input
            id={`${id}-speaker`}
            type="text"
            value={speaker}
            onChange={(event) => setSpeaker(event.target.value)}
          />
        </div>
        {format === 'md' && scope !== 'article' && (
          <label className="field">
            <input
              type="checkbox"
              checked={split}
              onChange={(event) => setSplit(event.target.checked)}
            />{' '}
            {t('export.dialog.split')}
          </label>
        )}
        <p className="muted" role="status">
          {status}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            <Label k="common.close" />
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void copy()}>
            {t('export.dialog.copy')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            <Label k="export.dialog.save" />
          </button>
        </div>
      </form>
    </Dialog>
  )
}
