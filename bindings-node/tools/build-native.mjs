#!/usr/bin/env node
// Builds the native module the fast way, for the test script:
//
//   node tools/build-native.mjs [--release] [--strip]
//
// `napi build --platform` (the `build` script in package.json) always passes `--target <host>` to
// cargo, which puts everything in `target/<triple>/` and recompiles every dependency that
// `cargo build --workspace` already built in `target/debug/`. This script runs plain
// `cargo build -p a55-node` in the shared target dir instead (only this crate recompiles), then
// writes the same files napi build writes, with @napi-rs/cli's own exported functions:
// `a55.<platform>.node`, `index.js` (the loader) and `index.d.ts` (types generated from the Rust).
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { generateTypeDef, writeJsBinding } from '@napi-rs/cli'

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
const release = process.argv.includes('--release')
const strip = process.argv.includes('--strip')
const profile = release ? 'release' : 'debug'

const platforms = {
  'linux-x64': 'linux-x64-gnu',
  'linux-arm64': 'linux-arm64-gnu',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
}
const platform = platforms[`${process.platform}-${process.arch}`]
if (!platform || (process.platform === 'linux' && process.report?.getReport().header.glibcVersionRuntime === undefined)) {
  console.error(`build-native: no fast path for ${process.platform}-${process.arch}; use \`npm run build\``)
  process.exit(2)
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: pkgDir, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } })
  if (r.status !== 0) {
    console.error(`build-native: ${cmd} ${args.join(' ')} failed`)
    process.exit(r.status ?? 1)
  }
}

function targetDir() {
  if (process.env.CARGO_TARGET_DIR) return process.env.CARGO_TARGET_DIR
  const r = spawnSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: pkgDir, encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`cargo metadata failed: ${r.stderr}`)
  return JSON.parse(r.stdout).target_directory
}

const target = targetDir()
const typeDefDir = join(target, 'napi-type-defs', profile)
mkdirSync(typeDefDir, { recursive: true })
const env = { NAPI_TYPE_DEF_TMP_FOLDER: typeDefDir }
// napi-derive writes the type definitions while it expands the macros: force that when they are
// missing (the crate may be up to date from a build without the variable).
if (!existsSync(join(typeDefDir, 'a55-node'))) env.NAPI_FORCE_BUILD_A55_NODE = String(Date.now())
run('cargo', ['build', '-p', 'a55-node', '--locked', ...(release ? ['--release'] : [])], env)

const libName = process.platform === 'darwin' ? 'liba55_node.dylib' : 'liba55_node.so'
const nodeFile = join(pkgDir, `${pkg.napi.binaryName}.${platform}.node`)
copyFileSync(join(target, profile, libName), nodeFile)
if (strip) {
  // binutils' strip comes with the C toolchain Rust links with; without it, keep the symbols.
  const r = spawnSync('strip', release ? [nodeFile] : ['--strip-debug', nodeFile], { stdio: 'inherit' })
  if (r.error || r.status !== 0) console.warn(`build-native: strip failed (${r.error?.code ?? r.status}); the module keeps its symbols`)
}

const { exports, dts } = await generateTypeDef({ typeDefDir, cwd: pkgDir, declareBindingTarget: true })
writeFileSync(join(pkgDir, 'index.d.ts'), dts)
await writeJsBinding({
  platform: true,
  idents: exports,
  binaryName: pkg.napi.binaryName,
  packageName: pkg.name,
  version: pkg.version,
  outputDir: pkgDir,
})
console.log(`build-native: ${nodeFile} (${profile}${strip ? ', stripped' : ''}), index.js, index.d.ts`)
