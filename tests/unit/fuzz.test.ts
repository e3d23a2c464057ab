import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../scripts/bench/generate'
import { CHANNELS, type Channel } from '../../src/shared/channels'
import { inputSchemas } from '../../src/shared/contract'
import { importFile, SEED, tempCore, value } from '../support/core'

/** Every file under a dir with size and mtime: equal snapshots mean nothing was written. */
async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
  return Promise.all(
    files.sort().map(async (f) => `${path.relative(dir, f)} ${(await stat(f)).mtimeMs}`)
  )
}

const HOSTILE_STRINGS = [
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32',
  '%2e%2e%2findex',
  'a'.repeat(100_000),
  '\u0000',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '__proto__',
  'constructor',
  ''
]

/** A random value of a random shape, from a seeded source so failures repeat. */
function randomValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 10)
  if (depth > 6 || pick === 0) return HOSTILE_STRINGS[Math.floor(random() * HOSTILE_STRINGS.length)]
  if (pick === 1) return Math.floor(random() * 2 ** 40) * (random() < 0.5 ? -1 : 1)
  if (pick === 2) return random() < 0.5
  if (pick === 3) return null
  if (pick === 4) return [randomValue(random, depth + 1), randomValue(random, depth + 1)]
  if (pick === 5) return Number.NaN
  const object: Record<string, unknown> = {}
  for (const key of ['id', 'articleId', 'items', 'query', 'format', 'url', 'start', 'end'])
    if (random() < 0.4) object[key] = randomValue(random, depth + 1)
  return object
}

/** An object nested `depth` levels deep, to find recursion limits. */
const deep = (depth: number): unknown => {
  let value: unknown = {}
  for (let i = 0; i < depth; i++) value = { items: [value] }
  return value
}

describe('IPC fuzzing: every channel refuses malformed payloads', () => {
  it('answers random, deep, huge and prototype-laden payloads with ok:false and writes nothing', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, SEED)
    await core.close()
    const before = await snapshot(core.store.dataDir)
    const random = seededRandom(2026)
    const payloads: unknown[] = [
      deep(5000),
      JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}'),
      { constructor: { prototype: { polluted: true } } },
      { id: '../index' },
      { id, extra: 1 },
      { articleId: '../../etc', kind: 'highlight', start: 0, end: 5 },
      { items: [{ name: '../../evil.txt', base64: '!!!not base64' }], jobId: '../x' },
      { url: 'file:///etc/passwd' },
      { format: 'exe' },
      ...Array.from({ length: 60 }, () => randomValue(random))
    ]
    const answers: string[] = []
    for (const channel of CHANNELS) {
      if (channel.endsWith('.list') || channel.endsWith('.get') || channel === 'app.info') continue
      for (const payload of payloads) {
        const result = await core.dispatch(channel, payload)
        expect(typeof result.ok, channel).toBe('boolean')
        if (result.ok) answers.push(`${channel} accepted ${JSON.stringify(payload).slice(0, 80)}`)
      }
    }
    await core.close()
    // No random shape makes a valid call, but null, which means "no input": valid for the
    // channels that take no input (create a backup, change no setting), and none of them writes.
    const takesNoInput = (channel: string): boolean =>
      inputSchemas[channel as Channel].safeParse({}).success
    expect(
      answers.filter((a) => !(a.endsWith(' accepted null') && takesNoInput(a.split(' ')[0])))
    ).toEqual([])
    expect(await snapshot(core.store.dataDir)).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('never reads a file outside the data dir through an id', async () => {
    const core = await tempCore()
    const secret = path.join(core.store.dataDir, '..', 'secret.json')
    for (const id of ['../secret', '..%2fsecret', '....//secret', 'a/../../secret']) {
      const result = await core.dispatch('articles.get', { id })
      expect(result.ok, id).toBe(false)
      expect(JSON.stringify(result)).not.toContain(secret)
    }
    const annotations = await core.dispatch('annotations.list', { articleId: '../index' })
    expect(annotations.ok).toBe(false)
    expect(await value<unknown[]>(core, 'articles.list', {})).toEqual([])
  })
})
