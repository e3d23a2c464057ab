import type { Page } from '@playwright/test'
import type { ServedApp } from './serve'

/** Calls a channel of the served core directly, with the token from the served URL. */
export async function rpc<T>(
  page: Page,
  served: ServedApp,
  channel: string,
  input: unknown
): Promise<T> {
  const response = await page.request.post(`${served.origin}/rpc/${channel}`, {
    headers: { Authorization: `Bearer ${served.token}` },
    data: input
  })
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value
}
