import type { AnnotationColor } from '../../../shared/annotations'

/** Print-friendly background of each annotation colour, for HTML and JSON-LD stylesheets. */
export const HIGHLIGHT_BACKGROUNDS: Record<AnnotationColor, string> = {
  yellow: '#fff176',
  green: '#b9f6ca',
  blue: '#b3e5fc',
  pink: '#f8bbd0',
  purple: '#e1bee7',
  orange: '#ffcc80'
}

/** The CSS class an export gives a colour; JSON-LD import reads the colour back from it. */
export const colorClass = (color: string): string => `sorot-${color}`

/** The background of a colour, grey for one this build does not know. */
export const backgroundOf = (color: string): string =>
  HIGHLIGHT_BACKGROUNDS[color as AnnotationColor] ?? '#e0e0e0'
