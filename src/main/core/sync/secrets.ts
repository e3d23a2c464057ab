import { z } from 'zod'

/**
 * Where the app keeps the sync secrets (password, passphrase) between runs: the OS keychain
 * through Electron's safeStorage (src/main/sync-secrets.ts), never plain JSON. The core only
 * sees this interface; the CLI passes none and takes secrets from the environment.
 */
export interface SecretKeeper {
  /** False when the OS offers no keychain: secrets then live for this run only. */
  readonly available: boolean
  save(text: string): Promise<void>
  load(): Promise<string | null>
  forget(): Promise<void>
}

const savedSchema = z.object({
  password: z.string().nullable().optional(),
  passphrase: z.string().nullable().optional(),
  author: z.string().nullable().optional()
})

export type SavedSecrets = z.infer<typeof savedSchema>

/** The saved secrets, or none when there are none or they cannot be read back. */
export async function loadSecrets(keeper: SecretKeeper): Promise<SavedSecrets> {
  try {
    const text = await keeper.load()
    const parsed = text ? savedSchema.safeParse(JSON.parse(text)) : null
    return parsed?.success ? parsed.data : {}
  } catch {
    // A keychain that changed (another OS user, a reset) cannot decrypt: sync asks again.
    return {}
  }
}
