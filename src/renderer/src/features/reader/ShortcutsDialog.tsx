import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { Label } from '@renderer/components/Gloss'

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform)

/** The reader's keyboard shortcuts, shown with `?`. */
export function ShortcutsDialog({
  open,
  onClose
}: {
  open: boolean
  onClose: () => void
}): ReactElement {
  const { t } = useTranslation()
  const mod = isMac() ? '⌘' : 'Ctrl'
  const shortcuts: Array<[string, string]> = [
    ['h', t('reader.shortcuts.highlight')],
    ['n', t('reader.shortcuts.note')],
    ['j', t('reader.shortcuts.next')],
    ['k', t('reader.shortcuts.previous')],
    [`${mod}+F`, t('reader.shortcuts.find')],
    [`${mod}+Z`, t('reader.shortcuts.undo')],
    ['Shift+← →', t('reader.shortcuts.select')],
    ['?', t('reader.shortcuts.help')],
    ['Esc', t('reader.shortcuts.close')]
  ]
  return (
    <Dialog open={open} title={t('reader.shortcuts.title')} onClose={onClose}>
      <dl className="shortcut-list">
        {shortcuts.map(([keys, action]) => (
          <div key={keys} className="shortcut">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          <Label k="common.close" />
        </button>
      </div>
    </Dialog>
  )
}
