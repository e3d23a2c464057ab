import {
  Fragment,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactElement
} from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportOutcome } from '@shared/model'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { Label } from '@renderer/components/Gloss'
import {
  cancelImport,
  dismissImport,
  importFiles,
  importText,
  importUrl,
  useImport
} from './import-store'

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html'

/** The dialogs the import actions open. */
export type ImportDialog = 'paste' | 'url'

/** Import from files, a folder, pasted text or a URL; progress with cancel; what happened. */
export function ImportControls({
  onDialog
}: {
  onDialog: (dialog: ImportDialog) => void
}): ReactElement {
  return (
    <div className="import">
      <ImportActions onDialog={onDialog} />
      <ImportStatus />
    </div>
  )
}

/**
 * The ways to bring articles in: files, a folder, pasted text, a web address. The library's
 * header shows them in a row; the empty library's welcome shows each with a line about it.
 * The paste and URL dialogs are ImportDialogs, kept by the screen: they stay open when the
 * actions move (the first import turns the welcome into the list).
 */
export function ImportActions({
  explained = false,
  onDialog
}: {
  explained?: boolean
  onDialog: (dialog: ImportDialog) => void
}): ReactElement {
  const { t } = useTranslation()
  const state = useImport()
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const fileId = useId()
  const folderId = useId()
  useEffect(() => {
    // React does not know the attribute that turns a file input into a folder picker.
    folderInput.current?.setAttribute('webkitdirectory', '')
  }, [])

  const choose = (input: HTMLInputElement | null): void => {
    if (!input?.files) return
    const files = [...input.files]
    input.value = ''
    void importFiles(files)
  }

  const actions: Array<{ key: string; control: ReactElement; hint: string }> = [
    {
      key: 'files',
      hint: t('import.hint.files'),
      control: (
        <>
          <label className="button primary" htmlFor={fileId}>
            <Label k="import.button" />
          </label>
          <input
            id={fileId}
            ref={fileInput}
            className="visually-hidden"
            type="file"
            multiple
            accept={ACCEPT}
            aria-label={t('import.choose')}
            disabled={state.running}
            onChange={() => choose(fileInput.current)}
          />
        </>
      )
    },
    {
      key: 'folder',
      hint: t('import.hint.folder'),
      control: (
        <>
          <label className="button" htmlFor={folderId}>
            <Label k="import.folder" />
          </label>
          <input
            id={folderId}
            ref={folderInput}
            className="visually-hidden"
            type="file"
            aria-label={t('import.chooseFolder')}
            disabled={state.running}
            onChange={() => choose(folderInput.current)}
          />
        </>
      )
    },
    {
      key: 'paste',
      hint: t('import.hint.paste'),
      control: (
        <button type="button" className="button" onClick={() => onDialog('paste')}>
          <Label k="import.paste" />
        </button>
      )
    },
    {
      key: 'url',
      hint: t('import.hint.url'),
      control: (
        <button type="button" className="button" onClick={() => onDialog('url')}>
          <Label k="import.url" />
        </button>
      )
    }
  ]

  return explained ? (
    <ul className="import-actions explained">
      {actions.map((action) => (
        <li key={action.key}>
          {action.control}
          <span className="muted">{action.hint}</span>
        </li>
      ))}
    </ul>
  ) : (
    <div className="import-actions">
      {actions.map((action) => (
        <Fragment key={action.key}>{action.control}</Fragment>
      ))}
    </div>
  )
}

/** The paste and URL dialogs of the import actions; `open` names the one shown. */
export function ImportDialogs({
  open,
  onClose
}: {
  open: ImportDialog | null
  onClose: () => void
}): ReactElement {
  return (
    <>
      <PasteDialog open={open === 'paste'} onClose={onClose} />
      <UrlDialog open={open === 'url'} onClose={onClose} />
    </>
  )
}

/** The running import's progress (with cancel), or the last one's report; and import errors. */
export function ImportStatus(): ReactElement {
  const { t } = useTranslation()
  const state = useImport()
  const count = (...statuses: ImportOutcome['status'][]): number =>
    state.outcomes?.filter((o) => statuses.includes(o.status)).length ?? 0
  const failed = state.outcomes?.filter((o) => o.status === 'failed') ?? []

  return (
    <>
      <div className="import-status">
        <div role="status" aria-live="polite">
          {state.running && (
            <div className="import-progress">
              <progress max={state.total} value={state.done} aria-label={t('import.progress')} />
              <span>{t('import.working', { done: state.done, total: state.total })}</span>
            </div>
          )}
          {state.outcomes && (
            <div className="import-report">
              <span>
                {t('import.summary', {
                  imported: count('imported'),
                  versions: count('new-version'),
                  duplicate: count('duplicate'),
                  failed: failed.length
                })}
                {count('cancelled') > 0 &&
                  ` ${t('import.cancelled', { count: count('cancelled') })}`}
              </span>
              {failed.length > 0 && (
                <ul className="import-failures">
                  {failed.map((o, i) => (
                    <li key={`${o.input}-${i}`}>{o.error ?? o.input}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
        {state.running && (
          <button
            type="button"
            className="button small"
            onClick={cancelImport}
            disabled={state.cancelling}
          >
            {state.cancelling ? t('import.cancelling') : t('import.cancel')}
          </button>
        )}
        {state.outcomes && (
          <button type="button" className="button small" onClick={dismissImport}>
            <Label k="import.dismiss" />
          </button>
        )}
      </div>
      {state.error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: state.error })}
        </p>
      )}
    </>
  )
}

function PasteDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactElement {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [html, setHtml] = useState<string | null>(null)
  const justPasted = useRef(false)
  const areaId = useId()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!text.trim() && !html) return
    void importText(html ?? text, html ? 'html' : 'text')
    setText('')
    setHtml(null)
    onClose()
  }

  return (
    <Dialog open={open} title={t('import.pasteTitle')} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit}>
        <label htmlFor={areaId}>
          <Label k="import.pasteLabel" />
        </label>
        <textarea
          id={areaId}
          rows={12}
          value={text}
          autoFocus
          onPaste={(event) => {
            const pasted = event.clipboardData.getData('text/html')
            setHtml(pasted.trim() ? pasted : null)
            justPasted.current = true
          }}
          onChange={(event) => {
            setText(event.currentTarget.value)
            // Typing after a paste makes the text the reader's own: import it as text.
            if (!justPasted.current) setHtml(null)
            justPasted.current = false
          }}
        />
        {html && <p className="muted">{t('import.pasteHtml')}</p>}
        <DialogActions
          submitLabel={t('import.pasteSubmit')}
          onCancel={onClose}
          disabled={!text.trim()}
        />
      </form>
    </Dialog>
  )
}

function UrlDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactElement {
  const { t } = useTranslation()
  const [url, setUrl] = useState('')
  const inputId = useId()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!url.trim()) return
    void importUrl(url.trim())
    setUrl('')
    onClose()
  }

  return (
    <Dialog open={open} title={t('import.urlTitle')} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit}>
        <label htmlFor={inputId}>
          <Label k="import.urlLabel" />
        </label>
        <input
          id={inputId}
          type="url"
          required
          value={url}
          autoFocus
          placeholder={t('import.urlPlaceholder')}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
        <p className="muted">{t('import.urlHint')}</p>
        <DialogActions submitLabel={t('import.urlSubmit')} onCancel={onClose} />
      </form>
    </Dialog>
  )
}
