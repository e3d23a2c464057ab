import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LABELS } from '../../../../shared/annotations'
import type { ChannelInput } from '../../../../shared/contract'
import type { Language } from '../../../../shared/model'
import { api } from '../../api'
import { Dialog } from '../../components/Dialog'
import { downloadText } from './save-file'

const FORMATS = ['md', 'csv', 'jsonld', 'html', 'txt'] as const
type Format = (typeof FORMATS)[number]

interface Props {
  /** The article the dialog was opened from; absent when opened from the library. */
  articleId?: string
  open: boolean
  onClose: () => void
}

/** Choosing format, language and scope of an export, then saving or copying it. */
export function ExportDialog({ articleId, open, onClose }: Props): ReactElement {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [format, setFormat] = useState<Format>('md')
  const [language, setLanguage] = useState<Language>(i18n.language === 'id' ? 'id' : 'en')
  const [wholeLibrary, setWholeLibrary] = useState(!articleId)
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
      ...(!wholeLibrary && articleId && { articleIds: [articleId] }),
      ...(label && { label }),
      ...(speaker.trim() && { speaker: speaker.trim() }),
      ...(format === 'md' && split && { split: true })
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
    const files = rendered.files ?? [{ fileName: rendered.fileName, content: rendered.content }]
    for (const file of files) downloadText(file.fileName, file.content, rendered.mimeType)
    setStatus(t('export.dialog.saved', { fileName: files.map((f) => f.fileName).join(', ') }))
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
          <label htmlFor={`${id}-format`}>{t('export.dialog.format')}</label>
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
          <label htmlFor={`${id}-language`}>{t('export.dialog.language')}</label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            <option value="id">{t('languages.id')}</option>
            <option value="en">{t('languages.en')}</option>
          </select>
        </div>
        {articleId && (
          <fieldset className="field">
            <legend>{t('export.dialog.scope')}</legend>
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={!wholeLibrary}
                onChange={() => setWholeLibrary(false)}
              />{' '}
              {t('export.dialog.scopeArticle')}
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={wholeLibrary}
                onChange={() => setWholeLibrary(true)}
              />{' '}
              {t('export.dialog.scopeLibrary')}
            </label>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor={`${id}-label`}>{t('export.dialog.label')}</label>
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
          <label htmlFor={`${id}-speaker`}>{t('export.dialog.speaker')}</label>
          <input
            id={`${id}-speaker`}
            type="text"
            value={speaker}
            onChange={(event) => setSpeaker(event.target.value)}
          />
        </div>
        {format === 'md' && wholeLibrary && (
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
            {t('common.close')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void copy()}>
            {t('export.dialog.copy')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('export.dialog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
