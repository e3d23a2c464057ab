#!/usr/bin/env node
// The `sorot` command: runs the CLI that `npm run build` bundles into out/main/cli.js.
const path = require('node:path')
const fs = require('node:fs')

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'sorot: the CLI is not built yet. Run `npm run build` in the Sorot folder first.\n'
  )
  process.exit(2)
}
require(cli)
