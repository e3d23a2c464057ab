import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ANNOTATION_COLORS, type AnnotationColor } from '@shared/annotations'

interface Props {
  /** The colour now chosen (pressed), if any. */
  current?: string
  onPick: (color: AnnotationColor) => void
  /** Text of each button's name, e.g. "Highlight yellow" or "Yellow". */
  labelKey: 'annotations.highlightIn' | 'annotations.colorIs'
}

/** One round button per annotation colour, named in the UI language. */
export function ColorButtons({ current, onPick, labelKey }: Props): ReactElement {
  const { t } = useTranslation()
  return (
    <>
      {ANNOTATION_COLORS.map((color) => {
        const name = t(labelKey, { color: t(`annotations.colors.${color}`) })
        return (
          <button
            key={color}
            type="button"
            className={`swatch swatch-${color}`}
            aria-label={name}
            title={name}
            aria-pressed={current === undefined ? undefined : current === color}
            onClick={() => onPick(color)}
          />
        )
      })}
    </>
  )
}
