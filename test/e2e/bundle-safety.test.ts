// What the built bundle contains: no eval, no Function constructor (the app runs under a CSP without
// 'unsafe-eval', and nothing an input holds may become code), and no URL of another origin to fetch.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertBuilt, DIST_DIR } from './support/app-page.ts';

describe('the built bundle', () => {
  assertBuilt();
  const files = readdirSync(`${DIST_DIR}assets`).filter((f) => f.endsWith('.js'));

  it('has an app bundle and a worker bundle', () => {
    expect(files.some((f) => f.startsWith('trace.worker'))).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s calls neither eval nor the Function constructor', (file) => {
    const js = readFileSync(`${DIST_DIR}assets/${file}`, 'utf8');
    expect(js).not.toMatch(/(^|[^\w$.])eval\s*\(/);
    expect(js).not.toMatch(/new\s+Function\s*\(|(^|[^\w$.])Function\s*\(\s*["'`]/);
  });
});
