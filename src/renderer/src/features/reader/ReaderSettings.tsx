import { useEffect, useId, useRef, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultSettings, READER_LIMITS, type Settings } from '@shared/model'
import { formatNumber } from '@renderer/format'
import { Label } from '@renderer/components/Gloss'
import { THEMES } from '@shared/enums'

type Typography = 'fontSize' | 'lineHeight' | 'measure'
const TYPOGRAPHY: Typography[] = ['fontSize', 'lineHeight', 'measure']

interface Props {
  settings: Settings
  update: (change: Partial<Settings>) => Promise<void>
}

/**
 * The reader-settings popover: text size, line height, column width and theme, saved as they
 * change. Escape or a click outside closes it, and focus goes back to its button.
 */
export function ReaderSettings({ settings: saved, update: save }: Props): ReactElement {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  // Shown at once while the core saves, so sliders and choices never jump back.
  const [draft, setDraft] = useState<Partial<Settings>>({})
  const settings = { ...saved, ...draft }
  const update = (change: Partial<Settings>): Promise<void> => {
    setDraft((current) => ({ ...current, ...change }))
    return save(change)
  }
  const buttonRef = useRef<HTMLButtonElement>(null)
  const popoverRef = useRef<HTMLDivElement>(null)
  const popoverId = useId()
  const baseId = useId()

  useEffect(() => {
    if (!open) return
    popoverRef.current?.querySelector<HTMLElement>('input')?.focus()
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!popoverRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  const close = (): void => {
    setOpen(false)
    buttonRef.current?.focus()
  }
  const lang = i18n.language
  return (
    <div className="reader-settings">
      <button
        ref={buttonRef}
        type="button"
        className="button small"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen(!open)}
      >
        {t('reader.settings.open')}
      </button>
      {open && (
        <div
          ref={popoverRef}
          id={popoverId}
          className="popover"
          role="dialog"
          aria-label={t('reader.settings.title')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              close()
            }
          }}
        >
          {TYPOGRAPHY.map((name) => {
            const limits = READER_LIMITS[name]
            const id = `${baseId}-${name}`
            return (
              <div className="popover-field" key={name}>
                <label htmlFor={id}>{t(`reader.settings.${name}`)}</label>
                <input
                  id={id}
                  type="range"
                  min={limits.min}
                  max={limits.max}
                  step={limits.step}
                  value={settings[name]}
                  onChange={(event) => void update({ [name]: Number(event.currentTarget.value) })}
                />
                <output htmlFor={id}>
                  {formatNumber(settings[name], lang)}
                  {name === 'fontSize' ? ' px' : ''}
                </output>
              </div>
            )
          })}
          <fieldset className="popover-themes">
            <legend>
              <Label k="settings.theme" />
            </legend>
            {THEMES.map((theme) => (
              <label key={theme} className={`theme-choice theme-choice-${theme}`}>
                <input
                  type="radio"
                  name={`${baseId}-theme`}
                  checked={settings.theme === theme}
                  onChange={() => void update({ theme })}
                />
                {t(`settings.themes.${theme}`)}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="button small"
            onClick={() => {
              const { fontSize, lineHeight, measure } = defaultSettings
              void update({ fontSize, lineHeight, measure })
            }}
          >
            {t('reader.settings.reset')}
          </button>
        </div>
      )}
    </div>
  )
}
