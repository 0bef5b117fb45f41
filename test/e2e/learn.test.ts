// Learn mode, by keyboard only: every step of all eight lessons. On each step the highlighted row is on
// screen, Next is refused until the try-it is done, the try-it is done with keys, and Next moves on.
// Then: a finding's "Learn: lesson N" opens its lesson, and Esc closes the tour.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LESSONS, type LessonStep } from '../../src/core/learn/lessons.ts';
import { ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

const SELECTED = `${ROW}.selected .span-name`;

async function stepOf(page: Page): Promise<string> {
  const step = page.getByTestId('learn-step');
  return `${await step.getAttribute('data-lesson')}.${await step.getAttribute('data-step')}`;
}

/** Focuses the tour the keyboard way: the toolbar's Learn button, Enter. */
async function backToTour(page: Page): Promise<void> {
  await page.getByTestId('learn-open').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('learn-panel');
}

/** Selects the span named `name` in the waterfall with arrow keys. */
async function selectByKeys(page: Page, name: string): Promise<void> {
  await page.locator('.waterfall-scroll').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 40; i++) {
    const selected = await page.locator(SELECTED).textContent({ timeout: 2000 }).catch(() => null);
    if (selected === name) return;
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(30);
  }
  throw new Error(`could not reach "${name}" with the arrow keys`);
}

async function doTryIt(page: Page, step: LessonStep): Promise<void> {
  const tryIt = step.tryIt;
  switch (tryIt.kind) {
    case 'select-span':
      await selectByKeys(page, tryIt.span);
      break;
    case 'collapse':
      await selectByKeys(page, tryIt.span);
      await page.keyboard.press('ArrowLeft');
      await page.locator(`${ROW}.selected [data-testid="row-toggle"][aria-expanded="false"]`).waitFor();
      break;
    case 'open-findings':
      await page.getByTestId('findings-tab').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('findings-panel').waitFor();
      break;
    case 'inspect-context': {
      const traceparent = (await page.getByTestId('learn-traceparent').textContent())!;
      expect(traceparent).toMatch(new RegExp(`^00-[0-9a-f]{32}-[0-9a-f]{16}-${tryIt.flags}$`));
      await page.getByTestId('open-context').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('context-input').waitFor();
      await page.keyboard.type(traceparent);
      await expect.poll(() => page.getByTestId('context-result').textContent()).toContain('traceparent: valid');
      await page.keyboard.press('Escape');
      break;
    }
    default: {
      const never: never = tryIt;
      throw new Error(String(never));
    }
  }
}

/** The first highlighted row is in the DOM, named as the step says, and inside the waterfall's viewport. */
async function expectMarkOnScreen(page: Page, step: LessonStep): Promise<void> {
  const marked = page.locator(`${ROW}[data-learn-mark]`).filter({ has: page.locator('.span-name', { hasText: new RegExp(`^${step.mark[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
  await marked.waitFor({ timeout: 15_000 });
  const [row, view] = await Promise.all([marked.boundingBox(), page.locator('.waterfall-scroll').boundingBox()]);
  expect(row && view && row.y >= view.y - 1 && row.y + row.height <= view.y + view.height + 1, `row "${step.mark[0]}" on screen`).toBe(true);
  const names = await page.locator(`${ROW}[data-learn-mark] .span-name`).allTextContents();
  expect(new Set(names)).toEqual(new Set(step.mark));
  if (step.select) await expect.poll(() => page.getByTestId('span-details').locator('.details-name').textContent()).toBe(step.select);
  if (step.field) await page.locator(`[data-testid="span-details"] .attribute[data-learn-mark][data-key="${step.field}"]`).waitFor();
}

describe('Learn mode', () => {
  const session = useAppSession();

  it('walks every step of all 8 lessons by keyboard, refusing Next until each try-it is done', { timeout: 240_000 }, async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('learn-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('learn-panel').waitFor();
    for (const lesson of LESSONS) {
      for (const [stepIdx, step] of lesson.steps.entries()) {
        const here = `${lesson.num}.${stepIdx + 1}`;
        await expect.poll(() => stepOf(page)).toBe(here);
        await expectMarkOnScreen(page, step);
        const ruleLinks = await page.getByTestId('learn-rule').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
        expect(ruleLinks).toEqual([...(step.rules ?? [])]);
        // Next is refused, by Enter on the panel and by → alike.
        await backToTour(page);
        await page.keyboard.press('Enter');
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => page.getByTestId('learn-status').textContent()).toContain('try it');
        expect(await stepOf(page)).toBe(here);
        expect(await page.getByTestId('learn-next').getAttribute('aria-disabled')).toBe('true');

        await doTryIt(page, step);
        await expect.poll(() => page.getByTestId('learn-try').getAttribute('data-done')).toBe('true');
        await backToTour(page);
        if (lesson.num === 1 && stepIdx === 1) {
          // Back and forth: a done try-it stays done.
          await page.keyboard.press('ArrowLeft');
          await expect.poll(() => stepOf(page)).toBe('1.1');
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => stepOf(page)).toBe(here);
          await expectMarkOnScreen(page, step);
        }
        await page.keyboard.press(stepIdx % 2 === 0 ? 'Enter' : 'ArrowRight');
      }
    }
    // Finish closes the tour and gives focus back to the Learn button.
    await page.getByTestId('learn-panel').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('learn-open');
  });

  it("a finding's explanation links to its lesson; Esc closes the tour", async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('learn-open').focus();
    await page.keyboard.press('Enter');
    const lessonPick = page.getByTestId('learn-lesson');
    await lessonPick.focus();
    await lessonPick.selectOption({ value: '6' }); // lesson 7, by the keyboard-operable select
    await expect.poll(() => stepOf(page)).toBe('7.1');
    await page.locator(`${ROW}[data-learn-mark]`).first().waitFor();
    // The selected span's own findings link to the lesson too.
    const spanLink = page.locator('[data-testid="span-findings"] [data-testid="lesson-link"]').first();
    await expect.poll(() => spanLink.textContent()).toBe('Learn: lesson 7');
    // The step's rule link opens the Findings tab at that rule.
    await page.locator('[data-testid="learn-rule"][data-rule="http-span-name"] [data-testid="learn-rule-show"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="finding-group"]')?.getAttribute('data-rule'))).toBe('http-span-name');
    // The rule group's "Learn: lesson N" opens lesson N.
    const link = page.locator('[data-testid="finding-group"][data-rule="deprecated-attribute"] [data-testid="lesson-link"]');
    expect(await link.textContent()).toBe('Learn: lesson 7');
    const otherLink = page.locator('[data-testid="finding-group"][data-rule="client-no-server-child"] [data-testid="lesson-link"]');
    expect(await otherLink.textContent()).toBe('Learn: lesson 3');
    await otherLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stepOf(page)).toBe('3.1');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('learn-panel');
    await page.locator(`${ROW}[data-learn-mark]`).first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('learn-panel').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('learn-open');
    expect(await page.locator(`${ROW}[data-learn-mark]`).count()).toBe(0);
  });
});
