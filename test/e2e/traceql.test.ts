// TraceQL in the app, on the demo: a query filters the trace list and marks the matching spans; a bad
// query points at its character; the query and the search filter live in the URL, so a link reopens them.
import { describe, expect, it } from 'vitest';
import { ROW, TRACE_ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

describe('TraceQL on loaded data', () => {
  const session = useAppSession();

  it('filters traces, marks matching spans, reports errors at their character, and survives a reload', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    expect(await page.locator(TRACE_ROW).count()).toBe(2);
    const input = page.getByTestId('traceql-input');

    // Structural: the database spans below a SERVER span; only the checkout trace has them.
    await input.fill('{ kind = server } >> { span.db.system.name = "postgresql" }');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('traceql-status').textContent()).toBe('1 trace, 2 spans');
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(1);
    await expect.poll(() => page.locator(`${TRACE_ROW} [data-testid="trace-query-matches"]`).textContent()).toBe('2 matches');
    await expect.poll(() => page.locator(`${ROW}[data-query-match]`).count()).toBe(2);
    const marked = await page.locator(`${ROW}[data-query-match] .span-name`).allTextContents();
    expect(marked.every((name) => /INSERT|SELECT/.test(name))).toBe(true);
    expect(new URL(page.url()).hash).toContain('q=');

    // A query that matches the other trace opens it.
    await input.fill('{ resource.service.name = "fulfillment" }');
    await input.press('Enter');
    await expect.poll(() => page.locator('.waterfall-title').textContent()).toContain('process orders');

    // An error names the position and draws a caret under it; the list stays as it was.
    await input.fill('{ name = }');
    await input.press('Enter');
    const error = page.getByTestId('traceql-error');
    await expect.poll(() => error.textContent()).toContain('expected a field or a value at 9');
    expect((await error.textContent())!.split('\n')[1]!.indexOf('^')).toBe(9);

    // Reload the link of a query plus a search filter: both come back.
    await input.fill('{ status = error }');
    await input.press('Enter');
    await expect.poll(() => page.locator(`${ROW}[data-query-match]`).count()).toBe(2);
    await page.locator('.waterfall-scroll').click();
    await page.keyboard.press('Control+f');
    await page.getByTestId('search-input').fill('Charge');
    await page.getByTestId('search-matches-only').check();
    await expect.poll(() => new URL(page.url()).hash).toContain('only=1');
    const link = page.url();
    await page.goto('about:blank');
    await page.goto(link);
    await expect.poll(() => page.getByTestId('traceql-input').inputValue()).toBe('{ status = error }');
    await expect.poll(() => page.locator(`${ROW}[data-query-match]`).count()).toBe(2);
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('Charge');
    expect(await page.getByTestId('search-matches-only').isChecked()).toBe(true);
  });

  it('runs =~ as RE2 does, in the worker under the strict CSP: POSIX classes, (?i)', async () => {
    // `[[:alpha:]]` is a letter in RE2 (re2js); a JS RegExp reads it as a class of '[', ':', 'a', … and matches nothing here.
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const input = page.getByTestId('traceql-input');
    await input.fill('{ name =~ "(?i)select [[:alpha:]]+[.][[:alpha:]_]+" }');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('traceql-status').textContent()).toBe('1 trace, 1 span');
    await expect.poll(() => page.locator(`${ROW}[data-query-match] .span-name`).allTextContents()).toEqual(['SELECT shop.cart_items']);
  });
});
