import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer, tokensMatch, type RunningServer } from '../../src/main/core/serve/server'
import type { Core } from '../../src/main/core/core'
import { tempCore } from '../support/core'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A raw HTTP request, so tests can send the Host and Origin a browser never would. */
function request(
  server: RunningServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string }
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers }
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const rpc = (
  server: RunningServer,
  channel: string,
  body: string,
  headers: Record<string, string> = {}
): Promise<Reply> =>
  request(server, {
    method: 'POST',
    path: `/rpc/${channel}`,
    headers: { Authorization: `Bearer ${server.token}`, ...headers },
    body
  })

let core: Core
let server: RunningServer

beforeEach(async () => {
  core = await tempCore()
  const parent = await mkdtemp(path.join(os.tmpdir(), 'sorot-renderer-'))
  // A file beside the renderer folder: the path-traversal probes aim at it.
  await writeFile(path.join(parent, 'secret.txt'), 'not for the browser')
  const rendererDir = path.join(parent, 'renderer')
  await mkdir(rendererDir)
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sorot</title>')
  await mkdir(path.join(rendererDir, 'assets'))
  await writeFile(path.join(rendererDir, 'assets', 'index-D7cpEmcy.js'), 'export {}')
  await writeFile(path.join(rendererDir, 'assets', 'notes.js'), 'export {}')
  server = await startServer({ core, rendererDir })
})

afterEach(async () => {
  await server.close()
  await core.close()
})

describe('sorot serve', () => {
  it('listens on 127.0.0.1 and puts the token in the URL it prints', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/)
    expect(new URL(server.url).searchParams.get('token')).toBe(server.token)
  })

  it('answers a call carrying the token with the channel result', async () => {
    const reply = await rpc(server, 'articles.list', '{}')
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] })
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a call without the token or with a wrong one (401)', async () => {
    const missing = await request(server, { method: 'POST', path: '/rpc/articles.list' })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body).error.code).toBe('unauthorized')
    const wrong = await rpc(server, 'articles.list', '{}', { Authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    const events = await request(server, { path: '/events' })
    expect(events.status).toBe(401)
  })

  it('refuses another Host (DNS rebinding) and another Origin (403)', async () => {
    const host = await rpc(server, 'articles.list', '{}', { Host: `evil.example:${server.port}` })
    expect(host.status).toBe(403)
    const page = await request(server, { path: '/', headers: { Host: 'evil.example' } })
    expect(page.status).toBe(403)
    const origin = await rpc(server, 'articles.list', '{}', { Origin: 'http://evil.example' })
    expect(origin.status).toBe(403)
    const own = await rpc(server, 'articles.list', '{}', {
      Origin: `http://127.0.0.1:${server.port}`
    })
    expect(own.status).toBe(200)
  })

  it('answers malformed JSON, unknown channels and wrong types with ok:false, writing nothing', async () => {
    const before = await readdir(core.store.dataDir, { recursive: true })
    const badJson = await rpc(server, 'articles.import', '{"items": [')
    expect(badJson.status).toBe(400)
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'bad_json' } })
    const unknown = JSON.parse((await rpc(server, 'articles.explode', '{}')).body)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    const wrongType = JSON.parse((await rpc(server, 'articles.import', '{"items": 5}')).body)
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    expect(wrongType.error.message).toContain('items')
    const get = await request(server, {
      path: '/rpc/articles.list',
      headers: { Authorization: `Bearer ${server.token}` }
    })
    expect(get.status).toBe(405)
    expect(await readdir(core.store.dataDir, { recursive: true })).toEqual(before)
  })

  it('answers bad input 400, an unknown channel 404, with the same {ok:false,error} body', async () => {
    const wrongType = await rpc(server, 'articles.import', '{"items": 5}')
    expect(wrongType.status).toBe(400)
    expect(JSON.parse(wrongType.body)).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    const unknown = await rpc(server, 'articles.explode', '{}')
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' }
    })
  })

  it('answers malformed URLs 400 and keeps serving', async () => {
    for (const target of ['/%E0%A4%A', '/assets/%', 'http://[']) {
      const reply = await request(server, { path: target })
      expect(reply.status, target).toBe(400)
      expect(JSON.parse(reply.body), target).toMatchObject({
        ok: false,
        error: { code: 'bad_input' }
      })
    }
    const rpcPath = await rpc(server, '%E0%A4%A', '{}')
    expect(rpcPath.status).toBe(400)
    expect((await rpc(server, 'articles.list', '{}')).status).toBe(200)
  })

  it('refuses a foreign Referer on the API even without an Origin (403)', async () => {
    const foreign = await rpc(server, 'articles.list', '{}', {
      Referer: 'http://evil.example/page'
    })
    expect(foreign.status).toBe(403)
    const garbage = await rpc(server, 'articles.list', '{}', { Referer: 'not a url' })
    expect(garbage.status).toBe(403)
    const ownReferer = await rpc(server, 'articles.list', '{}', {
      Referer: `http://localhost:${server.port}/?token=x`
    })
    expect(ownReferer.status).toBe(200)
    // An Origin decides when both are sent: the browser sets it and a page cannot forge it.
    const mixed = await rpc(server, 'articles.list', '{}', {
      Origin: 'http://evil.example',
      Referer: `http://127.0.0.1:${server.port}/`
    })
    expect(mixed.status).toBe(403)
  })

  it('refuses an oversized body (413) before reading it all', async () => {
    const reply = await rpc(server, 'articles.import', '{}', {
      'Content-Length': String(31 * 1024 * 1024)
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code, headers: {}, body: '' }))
    // The server answers 413 from the declared length; the socket may close under the body.
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(reply.status)
  })

  it('serves the built renderer with the CSP, but nothing outside its folder', async () => {
    const page = await request(server, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Sorot</title>')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    for (const probe of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%5csecret.txt'
    ]) {
      const reply = await request(server, { path: probe })
      expect(reply.status, probe).toBe(404)
      expect(reply.body, probe).not.toContain('not for the browser')
    }
  })

  it('lets a browser keep the content-hashed assets, but asks again for index.html', async () => {
    const page = await request(server, { path: '/' })
    expect(page.headers['cache-control']).toBe('no-cache')
    const script = await request(server, { path: '/assets/index-D7cpEmcy.js' })
    expect(script.status).toBe(200)
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const unhashed = await request(server, { path: '/assets/notes.js' })
    expect(unhashed.headers['cache-control']).toBe('no-cache')
  })

  it('streams core events to an authorised client as Server-Sent Events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/events',
          headers: { Authorization: `Bearer ${server.token}` }
        },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream')
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            text += chunk
            if (text.includes('connected'))
              core.events.emit({ type: 'annotations.changed', articleId: 'a1' })
            if (text.includes('data: ')) {
              req.destroy()
              resolve(text)
            }
          })
        }
      )
      req.on('error', reject)
    })
    expect(received).toContain('data: {"type":"annotations.changed","articleId":"a1"}')
  })
})

describe('token comparison', () => {
  it('matches only the exact token, whatever the lengths', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true)
    expect(tokensMatch('abd', 'abc')).toBe(false)
    expect(tokensMatch('', 'abc')).toBe(false)
    expect(tokensMatch('abcabc', 'abc')).toBe(false)
  })
})
