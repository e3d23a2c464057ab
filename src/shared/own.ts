/** Lookups keyed by input: a name like `constructor` must never find an inherited property. */

/** A frozen table with no prototype, so only its own keys are ever found. */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries))
}

/** The value `record` holds under `key` itself, or undefined (never an inherited one). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}
