import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler } from '../../src/main/app-protocol'
import type { ProtocolHandler, StandIn } from './support/electron-stand-in'
import { loadMainBundle, MAIN_BUNDLE, RENDERER_DIR, tempDir, until } from './support/main-bundle'

let shell: StandIn
let serveApp: ProtocolHandler

beforeAll(async () => {
  shell = loadMainBundle()
  shell.ready()
  serveApp = await until(() => shell.records.protocolHandlers.get('app'), 'the app:// handler')
})
afterAll(() => shell.quit())

const get = async (url: string, method = 'GET'): Promise<Response> =>
  serveApp(new Request(url, { method }))

/** Requests that try to leave the renderer folder, each written a different way. */
const TRAVERSALS = [
  'app://sorot/%2e%2e%2fmain%2findex.js',
  'app://sorot/..%2fmain/index.js',
  'app://sorot/assets/..%2f..%2fmain%2findex.js',
  'app://sorot/%252e%252e%252fmain%252findex.js',
  'app://sorot/..%5cmain%5cindex.js',
  'app://sorot/%2Fetc%2Fpasswd',
  'app://sorot//etc/passwd',
  'app://sorot/C:%5cWindows%5cwin.ini',
  'app://sorot/index.html%00.js',
  'app://sorot/../main/index.js',
  'app://sorot/%E0%A4%A'
]

describe('app://sorot, the scheme the window loads the renderer from', () => {
  it('is registered as privileged (standard, secure) before the app is ready', () => {
    expect(shell.records.privilegedBeforeReady).toBe(true)
    expect(shell.records.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true })
      })
    ])
  })

  it('serves index.html and the built assets with their MIME types and the CSP', async () => {
    const index = await get('app://sorot/index.html')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(index.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await index.text()).toBe(readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8'))
    expect((await get('app://sorot/')).status).toBe(200)

    const assets = readdirSync(path.join(RENDERER_DIR, 'assets'))
    const types: Record<string, string> = {
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.woff2': 'font/woff2'
    }
    for (const [ext, type] of Object.entries(types)) {
      const name = assets.find((file) => file.endsWith(ext))
      expect(name, ext).toBeDefined()
      const answer = await get(`app://sorot/assets/${name}`)
      expect(answer.status, name).toBe(200)
      expect(answer.headers.get('content-type'), name).toBe(type)
      const bytes = Buffer.from(await answer.arrayBuffer())
      expect(bytes.equals(readFileSync(path.join(RENDERER_DIR, 'assets', name!))), name).toBe(true)
    }
    const head = await get('app://sorot/index.html', 'HEAD')
    expect([head.status, await head.text()]).toEqual([200, ''])
  })

  it('refuses traversal, encoded traversal, absolute paths and other hosts', async () => {
    const mainCode = readFileSync(MAIN_BUNDLE, 'utf8').slice(0, 200)
    for (const url of TRAVERSALS) {
      const answer = await get(url)
      expect([400, 403, 404], url).toContain(answer.status)
      expect(await answer.text(), url).not.toContain(mainCode)
    }
    expect((await get('app://sorot/../main/index.js')).status).toBe(404)
    expect((await get('app://sorot/%2e%2e%2fmain%2findex.js')).status).toBe(403)
    expect((await get('app://other/index.html')).status).toBe(404)
    expect((await get('app://sorot/assets')).status).toBe(404)
    expect((await get('app://sorot/index.html', 'POST')).status).toBe(405)
  })
})

describe('the app:// handler on a folder with symlinks', () => {
  it('serves a link that stays inside the folder and refuses one that leads out', async () => {
    const outside = tempDir('sorot-outside-')
    writeFileSync(path.join(outside, 'secret.txt'), 'rahasia')
    const root = tempDir('sorot-renderer-')
    mkdirSync(path.join(root, 'assets'))
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>')
    writeFileSync(path.join(root, 'assets', 'a.css'), 'body{}')
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'secret.txt'))
    symlinkSync(outside, path.join(root, 'linked'))
    symlinkSync(path.join(root, 'assets', 'a.css'), path.join(root, 'same.css'))
    const handler = createAppProtocolHandler(root)
    const status = async (url: string): Promise<number> => (await handler(new Request(url))).status
    expect(await status('app://sorot/secret.txt')).toBe(403)
    expect(await status('app://sorot/linked/secret.txt')).toBe(403)
    expect(await status('app://sorot/same.css')).toBe(200)
    expect(await status('app://sorot/missing.js')).toBe(404)
  })
})
