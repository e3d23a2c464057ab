#!/usr/bin/env node
// `npm run licenses`: name, version and licence of every production dependency (the packages
// an installed Sorot ships, direct and transitive), read from node_modules/*/package.json.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const root = process.cwd()
const read = (file) => JSON.parse(readFileSync(file, 'utf8'))

/** The folder a package resolves to from `from`, walking up node_modules as Node does. */
function locate(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (dir === root || dir === path.dirname(dir)) return null
  }
}

const licenceOf = (pkg) =>
  typeof pkg.license === 'string'
    ? pkg.license
    : (pkg.license?.type ??
      (Array.isArray(pkg.licenses) ? pkg.licenses.map((l) => l.type).join(' OR ') : 'UNKNOWN'))

const found = new Map()
const missing = []
const queue = Object.keys(read(path.join(root, 'package.json')).dependencies ?? {}).map((name) => ({
  name,
  from: root
}))
while (queue.length) {
  const { name, from } = queue.shift()
  const dir = locate(name, from)
  if (!dir) {
    missing.push(name)
    continue
  }
  if (found.has(dir)) continue
  const pkg = read(path.join(dir, 'package.json'))
  found.set(dir, { name: pkg.name, version: pkg.version, license: licenceOf(pkg) })
  for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir })
  // Optional dependencies count only when installed here.
  for (const dep of Object.keys(pkg.optionalDependencies ?? {}))
    if (locate(dep, dir)) queue.push({ name: dep, from: dir })
}

const rows = [...found.values()].sort(
  (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version)
)
const width = Math.max(...rows.map((r) => `${r.name}@${r.version}`.length))
for (const r of rows)
  process.stdout.write(`${`${r.name}@${r.version}`.padEnd(width)}  ${r.license}\n`)
const counts = new Map()
for (const r of rows) counts.set(r.license, (counts.get(r.license) ?? 0) + 1)
process.stdout.write(
  `\n${rows.length} packages: ${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}\n`
)
if (missing.length) process.stdout.write(`not installed: ${[...new Set(missing)].join(', ')}\n`)
