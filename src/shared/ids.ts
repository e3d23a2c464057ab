/** The id rule for articles and annotations: safe as a file name and as a key, on every OS. */
import { z } from 'zod'
import { ID_PATTERN } from './enums'

/** Names every object inherits (`__proto__`, `constructor`, `toString`, …): never an id. */
const INHERITED_NAMES = new Set(
  Object.getOwnPropertyNames(Object.prototype).map((name) => name.toLowerCase())
)

/** Windows device names, which no file may be called, with or without an extension. */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

/** Why `id` is not a valid id, or null when it is. */
export function idProblem(id: string): string | null {
  if (!ID_PATTERN.test(id)) return 'must be 1 to 64 lower-case letters, digits, "-" and "_"'
  if (INHERITED_NAMES.has(id) || id === 'prototype') return 'is a reserved name'
  if (DEVICE_NAME.test(id)) return 'is a Windows device name'
  return null
}

/**
 * Article and annotation ids: lower-case letters, digits, `-` and `_` only, so no id can name a
 * path, two ids never fold to one file on a case-insensitive disk, and no id is a reserved name.
 */
export const idSchema = z.string().superRefine((id, context) => {
  const problem = idProblem(id)
  if (problem) context.addIssue({ code: 'custom', message: problem })
})
