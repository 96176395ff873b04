// Installs what a fresh Debian 12 machine is missing: the toolchain from Debian's
// packages and the JavaScript dependencies from package-lock.json. Safe to run again.
import { existsSync, statSync } from 'node:fs';
import { repoRoot, run, succeeds } from './lib/run.mjs';

// What each Debian package provides, checked without asking apt.
const DEBIAN_PACKAGES = {
  build: [
    ['cmake', () => succeeds('cmake', ['--version'])],
    ['g++', () => succeeds('g++', ['--version'])],
    ['emscripten', () => existsSync('/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake')],
    ['libgtest-dev', () => existsSync('/usr/src/googletest/CMakeLists.txt')],
    ['python3-mpmath', () => succeeds('/usr/bin/python3', ['-c', 'import mpmath'])],
    // The explanations' Python samples are run by the tests (tests/content/).
    ['python3-numpy', () => succeeds('/usr/bin/python3', ['-c', 'import numpy'])],
  ],
  browser: [
    ['chromium', () => existsSync('/usr/bin/chromium')],
    // Korean glyphs for screenshots; without them Hangul renders as empty boxes.
    ['fonts-nanum', () => existsSync('/usr/share/fonts/truetype/nanum')],
  ],
};

export function ensureDebianPackages({ browser = false } = {}) {
  const groups = browser ? [...DEBIAN_PACKAGES.build, ...DEBIAN_PACKAGES.browser] : DEBIAN_PACKAGES.build;
  const missing = groups.filter(([, present]) => !present()).map(([name]) => name);
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo'];
  if (!asRoot && !succeeds('sudo', ['-n', 'true'])) {
    console.error(`Missing Debian packages: ${missing.join(' ')}\nInstall them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(sudo[0] ?? 'apt-get', [...(asRoot ? [] : ['apt-get']), 'update', '-q'], { env });
  // --no-install-recommends keeps chromium from pulling in ~115 extra packages.
  run(sudo[0] ?? 'apt-get', [...(asRoot ? [] : ['apt-get']), 'install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}

export function ensureNodeModules() {
  const marker = `${repoRoot}node_modules/.package-lock.json`;
  const lock = `${repoRoot}package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

export function setup(options) {
  ensureDebianPackages(options);
  ensureNodeModules();
}

if (import.meta.url === `file://${process.argv[1]}`) setup({ browser: process.argv.includes('--browser') });
