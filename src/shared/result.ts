/** Error codes every bridge can return. Stable strings: the UI and scripts switch on them. */
export type ErrorCode =
  | 'bad_input'
  | 'bad_json'
  | 'unknown_channel'
  | 'not_found'
  | 'not_implemented'
  | 'unsupported'
  | 'forbidden'
  | 'unauthorized'
  | 'too_large'
  | 'unreadable'
  | 'storage'
  | 'internal'

export interface SorotError {
  code: ErrorCode
  message: string
}

/** What crosses every bridge: never a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SorotError }

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Builds a failed result with a code and a plain-words message. */
export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}

/** An error the core throws internally; dispatch turns it into a failed Result. */
export class SorotFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'SorotFailure'
  }
}
