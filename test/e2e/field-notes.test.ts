import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, trackErrors } from './browser';

// Issue 13, item 6: a value typed into a control that the config clamps, rounds or cannot read is said so beside the
// control, instead of being changed or dropped silently.
describe('typed values the config changes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('says what a clamped, rounded or unreadable value became', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#v=1&preset=start-here`);
    const epochs = page.getByRole('textbox', { name: 'Epochs', exact: true });
    await epochs.fill('500');
    await epochs.press('Enter');
    await expect.poll(() => epochs.inputValue()).toBe('200');
    const note = page.getByRole('status').filter({ hasText: '"500" became 200' });
    await expect.poll(() => note.count()).toBe(1);
    expect(await epochs.getAttribute('aria-describedby')).toBeTruthy();

    await epochs.fill('2.6');
    await epochs.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '"2.6" became 3' }).count()).toBe(1);

    await epochs.fill('lots');
    await epochs.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '"lots" is not a whole number: kept 3' }).count()).toBe(1);
    // Typing again clears the note; a value taken as typed leaves none.
    await epochs.fill('4');
    await epochs.press('Enter');
    await epochs.blur();
    await epochs.focus();
    expect(await page.getByRole('status').filter({ hasText: 'became' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
