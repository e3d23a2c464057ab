import { useEffect, useId, useRef, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportOutcome } from '../../../../shared/model'
import { api, bytesToBase64 } from '../../api'

interface Progress {
  done: number
  total: number
}

/** Imports files chosen in the OS file dialog, then reports what happened to each. */
export function ImportButton(): ReactElement {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const [progress, setProgress] = useState<Progress | null>(null)
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'import.progress') setProgress({ done: event.done, total: event.total })
      }),
    []
  )

  async function importFiles(files: FileList | null): Promise<void> {
    if (!files || files.length === 0) return
    setOutcomes(null)
    setError(null)
    setProgress({ done: 0, total: files.length })
    const items = await Promise.all(
      [...files].map(async (file) => ({
        name: file.name,
        base64: bytesToBase64(new Uint8Array(await file.arrayBuffer()))
      }))
    )
    const result = await api.call('articles.import', { items })
    setProgress(null)
    if (input.current) input.current.value = ''
    if (result.ok) setOutcomes(result.value)
    else setError(result.error.message)
  }

  const count = (status: ImportOutcome['status']): number =>
    outcomes?.filter((o) => o.status === status).length ?? 0
  const failed = outcomes?.filter((o) => o.status === 'failed') ?? []

  return (
    <div className="import">
      <label className="button primary" htmlFor={inputId}>
        {t('import.button')}
      </label>
      <input
        id={inputId}
        ref={input}
        className="visually-hidden"
        type="file"
        multiple
        accept=".txt,.md,.markdown,text/plain,text/markdown"
        aria-label={t('import.choose')}
        onChange={(event) => void importFiles(event.currentTarget.files)}
      />
      <div className="import-status" role="status" aria-live="polite">
        {progress && t('import.working', { done: progress.done, total: progress.total })}
        {outcomes && (
          <>
            <span>
              {t('import.summary', {
                imported: count('imported') + count('new-version'),
                duplicate: count('duplicate'),
                failed: failed.length
              })}
            </span>
            {failed.length > 0 && (
              <ul className="import-failures">
                {failed.map((o) => (
                  <li key={o.input}>
                    {t('import.failedItem', { input: o.input, error: o.error })}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
    </div>
  )
}
