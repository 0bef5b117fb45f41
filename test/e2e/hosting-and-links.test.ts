// Hosting anywhere: the build served under /tools/tracelens/ with the strict CSP, relative asset URLs, no
// request to any other origin (the session checks that after every test); deep links to a backend trace;
// the URL hash reopening the same trace and span.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backendTrace, jaegerV1Body } from '../support/fake-backends.ts';
import { DIST_DIR, ROW, TRACE_ROW, waterfallSpanIds } from './support/app-page.ts';
import { BASE_PATH, useAppSession } from './support/session.ts';

const t = backendTrace();
const other = backendTrace();
const jaegerId = 'feedfacefeedfacefeedfacefeedface';
const jaegerBody = JSON.stringify(jaegerV1Body(other.spans)).replaceAll(other.traceId, jaegerId);

describe('hosting, deep links and the URL hash', () => {
  const session = useAppSession(new Map([
    [`/api/v2/traces/${t.traceId}`, JSON.stringify({ trace: t.otlp })],
    [`/api/traces/${jaegerId}`, jaegerBody],
  ]));

  it('index.html uses only relative asset URLs, and the page fetched nothing outside its sub-path', async () => {
    const html = readFileSync(`${DIST_DIR}index.html`, 'utf8');
    expect(html).not.toMatch(/(src|href)="\//);
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const appRequests = session.server.requests.filter((r) => !r.startsWith('/api/'));
    expect(appRequests.length).toBeGreaterThan(3);
    expect(appRequests.every((r) => r.startsWith(BASE_PATH))).toBe(true);
  });

  it('?trace=<id>&backend=<url> opens that trace from a Tempo-like backend', async () => {
    const { page } = await session.open(`?trace=${t.traceId}&backend=${encodeURIComponent(session.server.origin)}`);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(1);
    expect(await page.locator(TRACE_ROW).first().getAttribute('data-trace-id')).toBe(t.traceId);
    await expect.poll(() => waterfallSpanIds(page)).toHaveLength(3);
    expect(session.server.requests).toContain(`/api/v2/traces/${t.traceId}`);
  });

  it('the context inspector fetches a trace that is not loaded from the configured backend (Jaeger fallback)', async () => {
    const { page } = await session.open('', { allowedErrors: [/404 \(Not Found\)/] });
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('open-context').click();
    await page.getByTestId('context-input').fill(`traceparent: 00-${jaegerId}-1111111111111111-01`);
    await expect.poll(() => page.getByTestId('context-located').textContent()).toMatch(/not in the loaded data/);
    await page.getByTestId('backend-url').fill(session.server.origin);
    await page.getByTestId('backend-headers').fill('X-Scope-OrgID: team-a');
    await page.getByTestId('backend-save').click();
    await page.getByTestId('context-fetch').click();
    await expect.poll(() => page.locator(`${TRACE_ROW}[data-trace-id="${jaegerId}"]`).count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.getItem('tracelens.backend'))).toContain('team-a');
    expect(page.url()).not.toContain('team-a');
  });

  it('the URL hash keeps the open trace and span, and a copied link reopens them', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.locator(TRACE_ROW).nth(1).click();
    const traceId = await page.locator(TRACE_ROW).nth(1).getAttribute('data-trace-id');
    // The rows must be the newly opened trace's before one is clicked.
    await expect.poll(() => page.locator('.waterfall-title .trace-id').textContent()).toBe(traceId);
    await page.locator(ROW).nth(1).click();
    const spanId = await page.locator(ROW).nth(1).getAttribute('data-span-id');
    await expect.poll(() => new URL(page.url()).hash).toBe(`#trace=${traceId}&span=${spanId}`);
    const copied = page.url();
    const { page: again } = await session.open(copied.slice(copied.indexOf('?') >= 0 ? copied.indexOf('?') : copied.indexOf('#')));
    await expect.poll(() => again.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id')).toBe(spanId);
    expect(await again.locator(`${TRACE_ROW}[data-trace-id="${traceId}"]`).getAttribute('aria-selected')).toBe('true');
  });
});
