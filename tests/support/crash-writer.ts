/**
 * The child process of the crash-safety test: opens the core on a data dir and writes in a loop
 * (annotations in bursts, now and then an import and a settings change), printing each write on
 * stdout only after it resolved, i.e. once it is acknowledged as durable. The parent kills it
 * with SIGKILL at random moments. Usage: crash-writer <dataDir> <articleId>…
 */
import { openCore } from '../../src/main/core/core'

const BURST = 4

async function main(): Promise<void> {
  const [dataDir, ...articleIds] = process.argv.slice(2)
  const core = await openCore({ dataDir, version: 'crash-test' })
  const say = (line: string): void => void process.stdout.write(`${line}\n`)
  say('ready')
  for (let round = 0; ; round++) {
    const creates = Array.from({ length: BURST }, async (_, n) => {
      const articleId = articleIds[(round + n) % articleIds.length]
      const start = (round * 7 + n * 13) % 200
      const result = await core.dispatch('annotations.create', {
        articleId,
        kind: 'highlight',
        start,
        end: start + 5 + n,
        note: `round ${round} #${n}`
      })
      if (!result.ok) throw new Error(result.error.message)
      say(`annotation ${articleId} ${(result.value as { id: string }).id}`)
    })
    await Promise.all(creates)
    if (round % 5 === 0) {
      const text = `Berita uji ${process.pid}-${round}\n\nKata mereka, ujian ini ${round} kali.`
      const result = await core.dispatch('articles.import', {
        items: [
          {
            name: `crash-${process.pid}-${round}.txt`,
            base64: Buffer.from(text).toString('base64')
          }
        ]
      })
      if (!result.ok) throw new Error(result.error.message)
      for (const outcome of result.value as Array<{ id: string; status: string }>)
        if (outcome.status === 'imported') say(`article ${outcome.id}`)
    }
    if (round % 3 === 0) {
      const theme = (['light', 'dark', 'sepia'] as const)[round % 3 === 0 ? (round / 3) % 3 : 0]
      const result = await core.dispatch('settings.set', { theme })
      if (!result.ok) throw new Error(result.error.message)
      say(`theme ${theme}`)
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-writer: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
