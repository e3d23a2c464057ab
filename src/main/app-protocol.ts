import { promises as fs } from 'node:fs'
import path from 'node:path'
import { contentTypeOf } from './core/serve/content-types'
import { CONTENT_SECURITY_POLICY } from './core/serve/csp'

/**
 * The app's own scheme: the window loads `app://sorot/index.html` rather than a file:// URL, so
 * the page has a real origin and cannot read other local files (Electron security checklist).
 * Kept free of Electron so the handler is tested directly and through the built main bundle.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'sorot'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** What `protocol.registerSchemesAsPrivileged` is given: a standard, secure origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
}

const headers = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff'
}

const refusal = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain' } })

/** True when `file` lies inside `dir` (both absolute and resolved). */
function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * The renderer-relative path a request names, or a refusal: only `app://sorot/…`, percent-
 * decoded once, with no `..` segment, backslash, NUL, drive letter or absolute path left in it.
 */
function requestedPath(url: string): string | Response {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return refusal(400, 'Bad request')
  }
  if (target.protocol !== `${APP_SCHEME}:` || target.host !== APP_HOST)
    return refusal(404, 'Not found')
  let decoded: string
  try {
    decoded = decodeURIComponent(target.pathname)
  } catch {
    return refusal(400, 'Bad request')
  }
  const relative = decoded.replace(/^\//, '') || 'index.html'
  const unsafe =
    /[\\\0:]/.test(relative) ||
    path.posix.isAbsolute(relative) ||
    relative.split('/').some((segment) => segment === '..' || segment === '.')
  return unsafe ? refusal(403, 'Forbidden') : relative
}

/**
 * The `protocol.handle` handler for app://: serves files of the built renderer folder only,
 * and refuses traversal, encoded traversal, absolute paths and symlinks that lead out of it.
 */
export function createAppProtocolHandler(
  rendererDir: string
): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Not allowed')
    const relative = requestedPath(request.url)
    if (typeof relative !== 'string') return relative
    const file = path.join(root, relative)
    if (!isInside(root, file)) return refusal(403, 'Forbidden')
    try {
      const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)])
      if (!isInside(realRoot, realFile)) return refusal(403, 'Forbidden')
      const stat = await fs.stat(realFile)
      if (!stat.isFile()) return refusal(404, 'Not found')
      const body = request.method === 'HEAD' ? null : await fs.readFile(realFile)
      return new Response(body, {
        status: 200,
        headers: { ...headers, 'Content-Type': contentTypeOf(realFile) }
      })
    } catch {
      return refusal(404, 'Not found')
    }
  }
}
