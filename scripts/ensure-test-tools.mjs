#!/usr/bin/env node
// Makes sure the test suite has the system tools it drives: Debian's Chromium with a CJK font
// (the browser tests) and the OpenCC command-line tool (the reference the script-conversion tests
// compare opencc-js with). Whatever is missing is installed in one go with
// `apt-get update && apt-get install -y …` (as root, or through sudo). Prints what it does; exits
// non-zero only when an install was needed and failed.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Each tool: how to tell it is there, and the Debian packages that give it. */
const TOOLS = [
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium'), packages: ['chromium', 'fonts-wqy-zenhei'] },
  { name: 'opencc', present: () => onPath('opencc'), packages: ['opencc'] },
];

const missing = TOOLS.filter((t) => !t.present());
if (missing.length === 0) {
  console.log(`ensure-test-tools: ${TOOLS.map((t) => t.name).join(' and ')} are installed`);
  process.exit(0);
}
const packages = missing.flatMap((t) => t.packages);
console.log(`ensure-test-tools: ${missing.map((t) => t.name).join(' and ')} missing; installing ${packages.join(' ')} with apt-get`);
const sudo = process.getuid?.() === 0 || !onPath('sudo') ? [] : ['sudo'];
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
  console.log(`ensure-test-tools: ${[...sudo, 'apt-get', ...args].join(' ')}`);
  const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
  const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
  if (r.error || r.status !== 0) {
    console.error(`ensure-test-tools: apt-get ${args[0]} failed (${r.error?.message ?? `exit ${r.status}`}); the tests need ${missing.map((t) => t.name).join(' and ')}`);
    process.exit(1);
  }
}
const still = missing.filter((t) => !t.present());
if (still.length > 0) {
  console.error(`ensure-test-tools: installed, but ${still.map((t) => t.name).join(' and ')} still missing`);
  process.exit(1);
}
console.log(`ensure-test-tools: ${missing.map((t) => t.name).join(' and ')} installed`);
