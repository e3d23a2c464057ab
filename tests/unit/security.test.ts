import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAppUrl, isExternalWebUrl, isTrustedSender } from '../../src/main/core/security'
import { CONTENT_SECURITY_POLICY } from '../../src/main/core/serve/csp'
import { ROOT } from '../support/paths'

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values])
  )

describe('window policies (DESIGN.md §2)', () => {
  it('lets only http(s) links leave the app, to the OS browser', () => {
    expect(isExternalWebUrl('https://www.kompas.com/read/1')).toBe(true)
    expect(isExternalWebUrl('http://example.org')).toBe(true)
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>x</script>',
      'smb://host/share',
      'ms-msdt:/id',
      'not a url'
    ])
      expect(isExternalWebUrl(url), url).toBe(false)
  })

  it('treats only the app origin as home, so navigation elsewhere is refused', () => {
    const home = 'app://sorot/index.html'
    expect(isAppUrl(`${home}#/article/abc`, home)).toBe(true)
    expect(isAppUrl('app://sorot/assets/x.js', home)).toBe(true)
    expect(isAppUrl('app://evil/index.html', home)).toBe(false)
    expect(isAppUrl('file:///opt/Sorot/resources/app.asar/out/renderer/index.html', home)).toBe(
      false
    )
    expect(isAppUrl('file:///etc/passwd', home)).toBe(false)
    expect(isAppUrl('https://evil.example/', home)).toBe(false)
    expect(isAppUrl('sorot://sorot/index.html', home)).toBe(false)
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/#/settings', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
  })

  it('answers IPC only from the app page in its main frame', () => {
    const home = 'app://sorot/index.html'
    const call = (url: string | null, isMainFrame: boolean): boolean =>
      isTrustedSender({ frame: url === null ? null : { url }, isMainFrame }, home)
    expect(call(`${home}#/article/x`, true)).toBe(true)
    expect(call(`${home}`, false)).toBe(false)
    expect(call('https://evil.example/', true)).toBe(false)
    expect(call('file:///tmp/downloaded.html', true)).toBe(false)
    expect(call('file:///opt/Sorot/resources/app.asar/out/renderer/index.html', true)).toBe(false)
    expect(call('app://other/index.html', true)).toBe(false)
    expect(call(null, true)).toBe(false)
  })

  it('has a CSP that allows no remote origin, no inline script and no framing', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    for (const [name, values] of policy) {
      for (const value of values)
        expect(value, `${name} ${value}`).toMatch(/^'(self|none)'$|^data:$/)
    }
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    // Under file:// 'self' would let file://host/share/x.png through (an SMB request on
    // Windows); the page shows no image files, so images are data: only.
    expect(policy.get('img-src')).toEqual(['data:'])
  })

  it('index.html carries the same policy in its <meta> (frame-ancestors only works as a header)', () => {
    const html = readFileSync(path.join(ROOT, 'src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const expected = directives(CONTENT_SECURITY_POLICY)
    expected.delete('frame-ancestors')
    expect(directives(meta!)).toEqual(expected)
  })
})
