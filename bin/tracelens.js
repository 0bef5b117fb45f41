#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx tracelens` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
// Written synchronously to the descriptors, so a big report waits for a slow reader (see fd-writer.ts).
const { fdWriter } = await import('../src/cli/fd-writer.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: fdWriter(1),
  stderr: fdWriter(2),
  stdin: process.stdin,
});
