import type { TFunction } from 'i18next'
import { DEFAULT_LABELS } from '@shared/annotations'
import type { Annotation } from '@shared/model'
import { LANGUAGES } from '@shared/enums'

const STORAGE_KEY = 'sorot.customLabels'
const MAX_REMEMBERED = 100

const isDefaultLabel = (label: string): boolean =>
  (DEFAULT_LABELS as readonly string[]).includes(label)

/** A label as the reader sees it: default keys in the UI language, the reader's own as typed. */
export function labelName(label: string, t: TFunction): string {
  return isDefaultLabel(label) ? t(`annotations.labels.${label}`) : label
}

/**
 * Turns what the reader typed into a label: the name of a default label (in either language)
 * becomes its key, so "Penting" and "Important" are one label.
 */
export function labelFromInput(input: string, t: TFunction): string {
  const typed = input.trim()
  const lower = typed.toLocaleLowerCase()
  for (const key of DEFAULT_LABELS)
    for (const lng of LANGUAGES)
      if (t(`annotations.labels.${key}`, { lng }).toLocaleLowerCase() === lower) return key
  return typed
}

function remembered(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter((l): l is string => typeof l === 'string') : []
  } catch {
    return []
  }
}

/** Keeps the reader's own labels so other articles offer them too. */
export function rememberLabels(labels: readonly string[]): void {
  const own = labels.filter((l) => !isDefaultLabel(l))
  if (own.length === 0) return
  const next = [...new Set([...own, ...remembered()])].slice(0, MAX_REMEMBERED)
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  } catch {
    // Storage full or disabled: the labels are still on the annotations themselves.
  }
}

/** Every label to offer: the defaults, then the reader's own from this article and before. */
export function labelChoices(annotations: readonly Annotation[]): string[] {
  const own = annotations.flatMap((a) => a.labels).filter((l) => !isDefaultLabel(l))
  return [...DEFAULT_LABELS, ...new Set([...own, ...remembered()])]
}
