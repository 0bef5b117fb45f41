// A dump whose every string is an injection attempt: span and event names, attribute keys and values
// (span, resource, scope, event, link), status messages, service and scope names. The app loads it, we open
// every trace, every row and its details, and prove nothing ran: no script, no handler, no live link,
// no prototype pollution, no CSP violation, and the payloads are shown as text.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { SdkWorld } from '../support/sdk-world.ts';
import { ROW, TRACE_ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<script>window.__pwned='script'</script>`,
  `"><svg onload="window.__pwned='svg'">`,
  `javascript:window.__pwned='href'`,
  `<a href="javascript:window.__pwned='a'">click</a>`,
  `{{constructor.constructor('window.__pwned=1')()}}`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
];
const KEYS = ['__proto__', 'constructor', 'prototype', '<b onmouseover="window.__pwned=1">k</b>'];

function hostileDump(): string {
  const w = new SdkWorld(666);
  const attrs = Object.fromEntries([
    ...PAYLOADS.map((p, i) => [`attr.${i}`, p] as const),
    ...KEYS.map((k) => [k, PAYLOADS[0]!] as const),
    ['url.full', PAYLOADS[3]!],
    ['http.url', `javascript:window.__pwned='url'`],
  ]);
  w.provider(PAYLOADS[0]!, { 'service.version': PAYLOADS[1]!, '__proto__': PAYLOADS[2]! }, PAYLOADS[4]!);
  const roots = PAYLOADS.map((name, i) => {
    const root = w.start(PAYLOADS[0]!, { name, kind: SpanKind.SERVER, startMs: i * 10, attributes: attrs, scope: PAYLOADS[5] });
    root.addEvent(PAYLOADS[(i + 1) % PAYLOADS.length]!, attrs);
    root.setStatus({ code: SpanStatusCode.ERROR, message: PAYLOADS[(i + 2) % PAYLOADS.length]! });
    const child = w.start(PAYLOADS[0]!, { name: PAYLOADS[(i + 3) % PAYLOADS.length]!, kind: SpanKind.CLIENT, startMs: i * 10 + 1, attributes: attrs }, root);
    child.end([1714564800, (i * 10 + 5) * 1e6]);
    root.end([1714564800, (i * 10 + 9) * 1e6]);
    return root;
  });
  // A span linking to the others, with hostile link attributes.
  w.span(PAYLOADS[0]!, {
    name: PAYLOADS[6]!, startMs: 100, endMs: 101, links: roots.map((r) => ({ context: r.spanContext(), attributes: attrs })),
  });
  return w.otlpJson();
}

describe('hostile input', () => {
  const session = useAppSession();

  it('renders every injection attempt as text and runs none of it', async () => {
    const { page } = await session.open();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.locator(ROW).first().waitFor();
    await page.evaluate(() => {
      (window as unknown as { __violations: number }).__violations = 0;
      document.addEventListener('securitypolicyviolation', () => (window as unknown as { __violations: number }).__violations++);
    });
    await page.getByTestId('file-input').setInputFiles([{ name: `${PAYLOADS[0]}.json`, mimeType: 'application/json', buffer: Buffer.from(hostileDump()) }]);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(PAYLOADS.length + 1);

    const numTraces = await page.locator(TRACE_ROW).count();
    for (let t = 0; t < numTraces; t++) {
      await page.locator(TRACE_ROW).nth(t).click();
      const traceId = await page.locator(TRACE_ROW).nth(t).getAttribute('data-trace-id');
      await expect.poll(() => page.locator('.waterfall-title .trace-id').textContent()).toBe(traceId);
      const numRows = await page.locator(ROW).count();
      for (let r = 0; r < numRows; r++) {
        await page.locator(ROW).nth(r).click();
        await page.getByTestId('span-details').waitFor();
        await page.getByTestId('span-details').hover();
      }
    }

    const verdict = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      violations: (window as unknown as { __violations: number }).__violations,
      polluted: Object.keys(Object.prototype).length + Object.keys(Array.prototype).length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: [...document.querySelectorAll('a[href], [src], [srcdoc]')].filter((el) =>
        /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '') || el.hasAttribute('srcdoc')).length,
      foreignElements: document.querySelectorAll('img, iframe, script:not([src]), object, embed').length,
      text: document.body.innerText,
    }));
    expect(verdict.pwned).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(verdict.violations).toBe(0);
    expect(verdict.polluted).toBe(0);
    expect(verdict.handlers).toBe(0);
    expect(verdict.jsLinks).toBe(0);
    expect(verdict.foreignElements).toBe(0);
    // Shown as text: the last opened span's details carry payloads verbatim.
    expect(PAYLOADS.filter((p) => verdict.text.includes(p)).length).toBeGreaterThanOrEqual(3);
  });
});
