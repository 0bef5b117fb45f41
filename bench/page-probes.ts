// What the browser benchmarks observe inside the page, installed once per page: long tasks and long
// animation frames (PerformanceObserver), and when a file is chosen, a click lands or an input changes
// (capture-phase listeners, so they run before the app's own handlers). Read back from `window.__…`.
import type { Page } from 'playwright-core';

export interface ProbeEntry {
  readonly start: number;
  readonly duration: number;
}

/**
 * Waits until the Findings tab's count is the new load's: changed from `before` (the demo's), and no longer
 * marked as being checked (aria-busy, set from the load's end, or its first look, until the findings come).
 */
export async function waitForLoadFindings(page: Page, before: string, timeout: number): Promise<void> {
  await page.waitForFunction((demo) => {
    const tab = document.querySelector('[data-testid="findings-tab"]');
    const text = tab?.textContent ?? demo;
    return text !== demo && tab?.getAttribute('aria-busy') === 'false';
  }, before, { timeout });
}

export async function installPageProbes(page: Page): Promise<void> {
  // tsx (esbuild keepNames) wraps local functions inside page callbacks in `__name`, which the page does not
  // have: give it an identity one (a string, so tsx leaves it alone). Later callbacks rely on it too.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const observe = (type: string, name: string): void => {
      const entries: Array<{ start: number; duration: number }> = [];
      w[name] = entries;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) entries.push({ start: e.startTime, duration: e.duration });
      }).observe({ type, buffered: false });
    };
    observe('longtask', '__tasks');
    // Long animation frames also count style, layout and paint, which long tasks leave out.
    observe('long-animation-frame', '__frames');
    document.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      if (input.type !== 'file') return;
      w.__file = input.files?.[0];
      w.__chosenAt = performance.now();
    }, { capture: true });
    document.addEventListener('click', () => void (w.__clickAt = performance.now()), { capture: true });
    document.addEventListener('input', () => void (w.__inputAt = performance.now()), { capture: true });
  });
}
