import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/channels'
import { runSandboxedPreload } from './support/sandboxed-preload'

type Bridge = Record<string, unknown>

/** Every function reachable from the exposed object, by its dotted path. */
function functionsOf(value: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>()
  if (value === null || typeof value !== 'object') return found
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (typeof item === 'function') found.set(name, item)
    else for (const [inner, fn] of functionsOf(item, name)) found.set(inner, fn)
  }
  return found
}

describe('the built preload (out/preload/index.js) in a sandboxed-preload context', () => {
  it('loads with only require("electron"): no Node built-in, process or Buffer is needed', () => {
    const preload = runSandboxedPreload()
    expect([...preload.exposed.keys()]).toEqual(['sorot'])
    // The sandbox really withholds them: a preload needing one of these would fail to load.
    expect(() => preload.run("require('fs')")).toThrow(/module not found: fs/)
    expect(() => preload.run("require('node:path')")).toThrow(/module not found/)
    expect(preload.run('typeof process + typeof Buffer')).toBe('undefinedundefined')
    expect(() => runSandboxedPreload(undefined, "require('fs')")).toThrow(/module not found/)
    expect(() => runSandboxedPreload(undefined, 'import fs from "node:fs"')).toThrow(
      /Cannot use import statement/
    )
  })

  it('exposes exactly one method per channel, the saves and the event subscription', () => {
    const { exposed, ipcRenderer } = runSandboxedPreload()
    const functions = functionsOf(exposed.get('sorot'))
    expect([...functions.keys()].sort()).toEqual(
      [...CHANNELS, 'saveFile', 'saveFiles', 'onEvent'].sort()
    )
    // Nothing of ipcRenderer leaks: not the object, nor any of its methods.
    const leaked = Object.values(ipcRenderer) as unknown[]
    for (const [name, fn] of functions) expect(leaked, name).not.toContain(fn)
    expect(JSON.stringify(Object.keys(exposed.get('sorot') as Bridge))).not.toMatch(/ipc/i)
  })

  it('carries each method to its own channel and answers with what main answered', async () => {
    const preload = runSandboxedPreload(async (channel, input) => ({ ok: true, channel, input }))
    const bridge = preload.exposed.get('sorot') as Record<
      string,
      Record<string, (input?: unknown) => Promise<unknown>>
    >
    for (const channel of CHANNELS) {
      const [noun, verb] = channel.split('.')
      expect(await bridge[noun][verb]({ id: 'x' }), channel).toEqual({
        ok: true,
        channel,
        input: { id: 'x' }
      })
    }
    await (bridge as unknown as { saveFile: (r: unknown) => Promise<unknown> }).saveFile({ a: 1 })
    expect(preload.invoked.map((call) => call.channel)).toEqual([...CHANNELS, 'sorot:save-file'])
    // A method called without input sends an empty object, which the contract accepts.
    await bridge.articles.list()
    expect(preload.invoked.at(-1)).toEqual({ channel: 'articles.list', args: [{}] })
  })

  it('subscribes to core events and unsubscribes, without handing the IPC event over', () => {
    const preload = runSandboxedPreload()
    const bridge = preload.exposed.get('sorot') as {
      onEvent: (listener: (...args: unknown[]) => void) => () => void
    }
    const seen: unknown[][] = []
    const stop = bridge.onEvent((...args) => seen.push(args))
    const [channel, listeners] = [...preload.listeners][0]
    expect(channel).toBe('sorot:event')
    for (const listener of listeners)
      listener({ sender: 'the IPC event' }, { type: 'library.changed' })
    expect(seen).toEqual([[{ type: 'library.changed' }]])
    stop()
    expect(preload.listeners.get('sorot:event')?.size).toBe(0)
  })
})
