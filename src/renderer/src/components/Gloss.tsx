import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/model'
import { createStore, useStore } from '@renderer/state/store'

/** The second language labels are glossed in ("optional translated labels"), or null. */
const glossStore = createStore<{ language: Language | null }>({ language: null })

/** Called when settings load or change. */
export function setGlossLanguage(language: Language | null): void {
  if (language !== glossStore.get().language) glossStore.set({ language })
}

/** The gloss language that differs from the UI's, or null when there is nothing to add. */
export function useGlossLanguage(): Language | null {
  const { i18n } = useTranslation()
  const gloss = useStore(glossStore).language
  return gloss && gloss !== i18n.language ? gloss : null
}

/** A translation shown small beside a label, in its own language (so it is read out right). */
export function GlossText({ text, lang }: { text: string; lang: Language }): ReactElement {
  return (
    <span className="gloss" lang={lang}>
      {text}
    </span>
  )
}

/**
 * A UI label from the locale files, with its translation beside it when the reader turned
 * translated labels on in settings.
 */
export function Label({ k }: { k: string }): ReactElement {
  const { t } = useTranslation()
  const gloss = useGlossLanguage()
  return (
    <>
      {t(k)}
      {gloss && <GlossText text={t(k, { lng: gloss })} lang={gloss} />}
    </>
  )
}
