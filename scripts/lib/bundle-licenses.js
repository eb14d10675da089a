// The third-party packages an ncc build bundled (from its webpack stats) and their licenses,
// written as ncc's --license file is: name, license id, license text, a blank line between.
import * as fs from 'node:fs'
import * as path from 'node:path'

/** Directories of the node_modules packages among the stats' modules, sorted by name. */
export function bundledPackages(stats, root) {
  const dirs = new Set()
  const visit = modules => {
    for (const module of modules ?? []) {
      const match = /^(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(
        module.name ?? ''
      )
      if (match) dirs.add(match[1])
      visit(module.modules)
    }
  }
  visit(stats.modules)
  for (const chunk of stats.chunks ?? []) visit(chunk.modules)
  return [...dirs]
    .map(dir => {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'))
      return {
        name: manifest.name,
        license: manifest.license ?? 'UNKNOWN',
        dir: path.join(root, dir)
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

function licenseFile(dir) {
  const name = fs.readdirSync(dir).find(file => /^licen[cs]e(\.(md|txt))?$/i.test(file))
  return name === undefined ? '' : fs.readFileSync(path.join(dir, name), 'utf8').trim()
}

export function licensesText(packages) {
  const seen = new Set()
  return packages
    .filter(pkg => !seen.has(pkg.name) && seen.add(pkg.name))
    .map(pkg => [pkg.name, pkg.license, licenseFile(pkg.dir)].filter(Boolean).join('\n'))
    .join('\n\n')
    .concat('\n')
}
