/** Formats an ISO date in the UI language, or null when there is none. */
export function formatDate(iso: string | null | undefined, language: string): string | null {
  if (!iso) return null
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date)
}

/** Formats a count with the UI language's digit grouping. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value)
}

/** A quotation cut to `max` characters with an ellipsis, for lists that show many. */
export function shortenQuote(text: string, max = 280): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
