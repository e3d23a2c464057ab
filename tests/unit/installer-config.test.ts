import Ajv from 'ajv'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../support/paths'

const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>

describe('installer configuration (electron-builder.yml)', () => {
  it("validates against electron-builder's own schema", () => {
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')
    )
    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile(schema)
    expect(validate(config), ajv.errorsText(validate.errors)).toBe(true)
  })

  it('builds NSIS (x64, arm64), dmg (x64, arm64), AppImage and deb, named Sorot', () => {
    expect(config).toMatchObject({
      productName: 'Sorot',
      win: { target: [{ target: 'nsis', arch: ['x64', 'arm64'] }] },
      mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] },
      linux: { target: ['AppImage', 'deb'] }
    })
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.productName).toBe('Sorot')
    expect(pkg.scripts.dist).toMatch(/electron-builder/)
  })

  it('ships the icon source, the sample article, the fuse hook and the file associations', () => {
    for (const file of [config.icon, config.afterPack, 'resources/samples/seed.txt'])
      expect(existsSync(path.join(ROOT, String(file))), String(file)).toBe(true)
    const png = readFileSync(path.join(ROOT, String(config.icon)))
    // PNG width and height (big-endian at bytes 16 and 20): 1024 covers every target's sizes.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
    const extensions = (config.fileAssociations as Array<{ ext: string[] }>).flatMap((a) => a.ext)
    expect(extensions.sort()).toEqual(['htm', 'html', 'markdown', 'md', 'txt'])
    const hook = readFileSync(path.join(ROOT, String(config.afterPack)), 'utf8')
    for (const fuse of [
      '[FuseV1Options.RunAsNode]: false',
      '[FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false',
      '[FuseV1Options.EnableNodeCliInspectArguments]: testBuild',
      '[FuseV1Options.OnlyLoadAppFromAsar]: true',
      '[FuseV1Options.GrantFileProtocolExtraPrivileges]: false'
    ])
      expect(hook, fuse).toContain(fuse)
  })
})
