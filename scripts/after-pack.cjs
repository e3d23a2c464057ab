// electron-builder afterPack hook: flips Electron's fuses on the packaged binary, so the
// shipped app cannot be turned into a plain Node (RunAsNode, NODE_OPTIONS, --inspect) and
// loads its code only from the signed-over app.asar; file:// gets no extra privileges. A test
// build (SOROT_TEST_BUILD=1) keeps the inspector so the Electron end-to-end driver can attach.
const path = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

const binaryName = {
  darwin: (context) => `${context.packager.appInfo.productFilename}.app`,
  win32: (context) => `${context.packager.appInfo.productFilename}.exe`,
  linux: (context) => context.packager.executableName
}

exports.default = async function afterPack(context) {
  const platform = context.electronPlatformName
  const binary = path.join(context.appOutDir, binaryName[platform](context))
  const testBuild = process.env.SOROT_TEST_BUILD === '1'
  await flipFuses(binary, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin' && context.arch === 3,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: testBuild,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    // The window loads from app://, so file:// pages need none of their old extra powers.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
  })
}
