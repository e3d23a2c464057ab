import { readFileSync } from 'node:fs'
import vm from 'node:vm'
import { PRELOAD_BUNDLE } from './main-bundle'

/** What the preload handed to contextBridge, and what it asked of ipcRenderer. */
export interface PreloadRun {
  exposed: Map<string, unknown>
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>
    on(channel: string, listener: (...args: unknown[]) => void): unknown
    removeListener(channel: string, listener: (...args: unknown[]) => void): unknown
  }
  invoked: Array<{ channel: string; args: unknown[] }>
  listeners: Map<string, Set<(...args: unknown[]) => void>>
  /** Runs more code in the same sandbox (e.g. to see what `require` offers). */
  run(code: string): unknown
}

/**
 * Runs the built preload (out/preload/index.js) in a `vm` context that offers only what a
 * sandboxed Electron preload gets: a `require` that knows `electron` (contextBridge and
 * ipcRenderer), and no Node built-ins, no `process`, no `Buffer`. `answer` is what the main
 * process answers each invoke with.
 */
export function runSandboxedPreload(
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => undefined,
  source = readFileSync(PRELOAD_BUNDLE, 'utf8')
): PreloadRun {
  const exposed = new Map<string, unknown>()
  const invoked: PreloadRun['invoked'] = []
  const listeners: PreloadRun['listeners'] = new Map()
  const ipcRenderer: PreloadRun['ipcRenderer'] = {
    invoke: (channel, ...args) => {
      invoked.push({ channel, args })
      return answer(channel, ...args)
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
      return ipcRenderer
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    }
  }
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property`)
      exposed.set(key, api)
    }
  }
  const sandboxRequire = (name: string): unknown => {
    if (name === 'electron') return { contextBridge, ipcRenderer }
    // Electron's sandboxed preload answers the same for fs, path, child_process, …
    throw new Error(`module not found: ${name}`)
  }
  const module = { exports: {} as unknown }
  const context = vm.createContext({ require: sandboxRequire, module, exports: module.exports })
  vm.runInContext(source, context, { filename: PRELOAD_BUNDLE })
  return {
    exposed,
    ipcRenderer,
    invoked,
    listeners,
    run: (code) => vm.runInContext(code, context)
  }
}
