import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LABELS } from '@shared/annotations'
import { GlossText, useGlossLanguage } from '@renderer/components/Gloss'
import { labelName } from './labels'

/** A highlight label by name; a default label also in the gloss language when that is on. */
export function HighlightLabel({ label }: { label: string }): ReactElement {
  const { t } = useTranslation()
  const gloss = useGlossLanguage()
  const isDefault = (DEFAULT_LABELS as readonly string[]).includes(label)
  return (
    <>
      {labelName(label, t)}
      {gloss && isDefault && (
        <GlossText text={t(`annotations.labels.${label}`, { lng: gloss })} lang={gloss} />
      )}
    </>
  )
}
