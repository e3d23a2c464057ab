import { useCallback, useEffect, useId, useRef, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { RestoreReport, SnapshotSummary } from '@shared/contract'
import type { Result } from '@shared/result'
import { api } from '@renderer/api'
import { Dialog } from '@renderer/components/Dialog'
import { Label } from '@renderer/components/Gloss'

/** What the reader asked to restore, waiting for their confirmation. */
type Pending =
  { kind: 'snapshot'; snapshot: SnapshotSummary } | { kind: 'file'; name: string; content: string }

/** What a restore did, in the reader's words: counts, then what the library kept. */
function RestoreReportView({ report }: { report: RestoreReport }): ReactElement {
  const { t } = useTranslation()
  return (
    <section className="restore-report" aria-labelledby="restore-report-title">
      <h3 id="restore-report-title">
        <Label k="settings.backups.report.title" />
      </h3>
      <p>{t('settings.backups.report.summary', { ...report })}</p>
      {report.settingsChanged.length > 0 && (
        <p>{t('settings.backups.report.settings', { names: report.settingsChanged.join(', ') })}</p>
      )}
      {report.skipped.length === 0 ? (
        <p>{t('settings.backups.report.nothingSkipped')}</p>
      ) : (
        <>
          <p>{t('settings.backups.report.skipped', { count: report.skipped.length })}</p>
          <ul className="restore-skipped">
            {report.skipped.map((item) => (
              <li key={`${item.kind} ${item.id}`}>
                {t('settings.backups.report.item', {
                  kind: t(`settings.backups.report.kinds.${item.kind}`),
                  id: item.id,
                  reason: t(`settings.backups.report.reasons.${item.kind}`)
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">{t('settings.backups.report.snapshot', { name: report.snapshot })}</p>
    </section>
  )
}

/**
 * Backups in settings: the automatic snapshots with a restore button each, a backup of the
 * whole library saved where the reader chooses, and a restore from a backup file. Every
 * restore merges (nothing newer is lost), is confirmed first, and shows its report.
 */
export function BackupsSection(): ReactElement {
  const { t } = useTranslation()
  const fileId = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [report, setReport] = useState<RestoreReport | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(
    (): Promise<void> =>
      api.call('backup.list', {}).then((result) => {
        if (result.ok) setSnapshots(result.value)
        else setStatus(t('errors.generic', { message: result.error.message }))
      }),
    [t]
  )

  useEffect(() => {
    void refresh()
  }, [refresh])

  const when = (snapshot: SnapshotSummary): string =>
    t('settings.backups.takenAt', {
      date: new Date(snapshot.takenAt),
      formatParams: { date: { dateStyle: 'medium', timeStyle: 'short' } }
    })

  async function backUp(): Promise<void> {
    setBusy(true)
    setStatus(t('settings.backups.working'))
    const created = await api.call('backup.create', {})
    const saved = created.ok
      ? await api.saveFile({
          suggestedName: created.value.fileName,
          content: created.value.content,
          mimeType: 'application/json'
        })
      : created
    setBusy(false)
    if (!saved.ok) setStatus(t('errors.generic', { message: saved.error.message }))
    else if (saved.value.status === 'cancelled') setStatus(t('settings.backups.cancelled'))
    else setStatus(t('settings.backups.saved', { location: saved.value.location }))
  }

  async function chooseFile(file: File | undefined): Promise<void> {
    if (fileInput.current) fileInput.current.value = ''
    if (!file) return
    setPending({ kind: 'file', name: file.name, content: await file.text() })
  }

  async function restore(what: Pending): Promise<void> {
    setPending(null)
    setBusy(true)
    setReport(null)
    setStatus(t('settings.backups.working'))
    const result: Result<RestoreReport> =
      what.kind === 'snapshot'
        ? await api.call('backup.restoreSnapshot', { name: what.snapshot.name })
        : await api.call('backup.restore', { content: what.content })
    setBusy(false)
    if (result.ok) {
      setStatus(null)
      setReport(result.value)
    } else setStatus(t('errors.generic', { message: result.error.message }))
    await refresh()
  }

  return (
    <section className="backups" aria-labelledby="backups-title">
      <h2 id="backups-title">
        <Label k="settings.backups.title" />
      </h2>
      <p className="muted">{t('settings.backups.intro')}</p>
      <div className="backup-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void backUp()}>
          {t('settings.backups.create')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => fileInput.current?.click()}
        >
          {t('settings.backups.fromFile')}
        </button>
        <label htmlFor={fileId} className="visually-hidden">
          <Label k="settings.backups.fileLabel" />
        </label>
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(event) => void chooseFile(event.currentTarget.files?.[0])}
        />
      </div>
      <p className="muted" role="status">
        {status}
      </p>
      {report && <RestoreReportView report={report} />}
      <h3 id="snapshots-title">
        <Label k="settings.backups.listLabel" />
      </h3>
      {snapshots?.length === 0 && <p className="muted">{t('settings.backups.none')}</p>}
      {snapshots && snapshots.length > 0 && (
        <ul className="snapshot-list" aria-labelledby="snapshots-title">
          {snapshots.map((snapshot) => (
            <li key={snapshot.name}>
              <span>
                {when(snapshot)}{' '}
                <span className="muted">{t(`settings.backups.reasons.${snapshot.reason}`)}</span>
              </span>
              <button
                type="button"
                className="button small"
                disabled={busy}
                onClick={() => setPending({ kind: 'snapshot', snapshot })}
              >
                {t('settings.backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={pending !== null}
        title={t('settings.backups.confirmTitle')}
        onClose={() => setPending(null)}
      >
        {pending && (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              void restore(pending)
            }}
          >
            <p>
              {pending.kind === 'snapshot'
                ? t('settings.backups.confirmSnapshot', { date: when(pending.snapshot) })
                : t('settings.backups.confirmFile', { fileName: pending.name })}
            </p>
            <p className="muted">{t('settings.backups.confirmBody')}</p>
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button primary">
                <Label k="settings.backups.confirm" />
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </section>
  )
}
