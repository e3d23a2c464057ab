import { describe, expect, it } from 'vitest'
import { defaultDataDir, resolveDataDir } from '../../src/main/core/data-dir'

describe('data dir', () => {
  it("is Electron's userData for Sorot on each OS", () => {
    expect(
      defaultDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\Sari\\AppData\\Roaming' },
        home: 'C:\\Users\\Sari'
      })
    ).toBe('C:\\Users\\Sari\\AppData\\Roaming\\Sorot')
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/sari' })).toBe(
      '/Users/sari/Library/Application Support/Sorot'
    )
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/sari' })).toBe(
      '/home/sari/.config/Sorot'
    )
    expect(
      defaultDataDir({
        platform: 'linux',
        env: { XDG_CONFIG_HOME: '/data/cfg' },
        home: '/home/sari'
      })
    ).toBe('/data/cfg/Sorot')
  })

  it('takes --data-dir over SOROT_DATA_DIR over the default', () => {
    const context = {
      platform: 'linux' as const,
      env: { SOROT_DATA_DIR: '/srv/env-lib' },
      home: '/home/sari'
    }
    expect(resolveDataDir('/srv/flag-lib', context)).toBe('/srv/flag-lib')
    expect(resolveDataDir(undefined, context)).toBe('/srv/env-lib')
    expect(resolveDataDir(undefined, { ...context, env: {} })).toBe('/home/sari/.config/Sorot')
  })
})
