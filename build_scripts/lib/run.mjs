// Runs a command with its output shown, and stops the whole script if it fails.
import { spawnSync } from 'node:child_process';

export const repoRoot = new URL('../..', import.meta.url).pathname;

/** Emscripten's JS tools find acorn and friends only through Debian's NODE_PATH. */
export const toolEnv = { ...process.env, NODE_PATH: '/usr/share/nodejs' };

export function run(command, args, options = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repoRoot, env: toolEnv, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

/** True when `command` runs (exit 0) without printing anything. */
export function succeeds(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore', env: toolEnv });
  return !result.error && result.status === 0;
}
