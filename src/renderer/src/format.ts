// Making a formatter costs far more than using one (a library screen formats dozens of dates).
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

/** Formats an ISO date in the UI language, or null when there is none. */
export function formatDate(iso: string | null | undefined, language: string): string | null {
  if (!iso) return null
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  let format = dateFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium' })
    dateFormats.set(language, format)
  }
  return format.format(date)
}

/** Formats a count with the UI language's digit grouping. */
export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(language)
    numberFormats.set(language, format)
  }
  return format.format(value)
}

// Quotations are cut the one way the core cuts them in its messages.
export { shortenQuote } from '../../shared/text'
