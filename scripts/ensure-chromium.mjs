#!/usr/bin/env node
// Makes sure the end-to-end tests have a browser: checks for Debian's Chromium at
// /usr/bin/chromium and, when it is missing, installs it with a CJK font
// (`apt-get update && apt-get install -y chromium fonts-wqy-zenhei`; needs root on Debian).
// Prints what it does. Exits non-zero only when the install was needed and failed.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: ${CHROMIUM} is installed`);
  process.exit(0);
}

console.log(`ensure-chromium: ${CHROMIUM} is missing; installing chromium and fonts-wqy-zenhei with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', 'chromium', 'fonts-wqy-zenhei']]) {
  console.log(`ensure-chromium: apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.error || r.status !== 0) {
    console.error(`ensure-chromium: apt-get ${args[0]} failed (${r.error?.message ?? `exit ${r.status}`}); the end-to-end tests need ${CHROMIUM}`);
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: installed, but ${CHROMIUM} is still missing`);
  process.exit(1);
}
console.log(`ensure-chromium: ${CHROMIUM} installed`);
