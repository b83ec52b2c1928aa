import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { expect as baseExpect, expectNoA11yViolations, newPerson, signInAsAdminViaApi, signUpViaApi, test } from './support/fixtures.ts';

// Lazy chunks and several browsers on a shared 2-core machine: 5 s per expectation is too tight.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * The audit journey (issue 3, item 6): a facilitator hides a post with a reason and locks the
 * thread from the thread page; the org admin, on a phone, goes from the admin page to the
 * audit log, loads an older page and finds both actions named, with who did them and the
 * reason, and narrows the log to one action by keyboard. The facilitator, not an org admin, is told the log is theirs only.
 */

async function browse(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

async function apiOk(page: Page, url: string, data: unknown = {}) {
  const response = await page.request.post(url, { data });
  expect(response.ok(), `POST ${url} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return response.json();
}

test('a facilitator hides a post and locks the thread; the admin reads both in the audit log', async ({ browser }) => {
  test.setTimeout(120_000);
  const suffix = randomBytes(3).toString('hex');
  const f = await browse(browser);
  const fran = await signUpViaApi(f, newPerson({ name: `Fran Moderator ${suffix}` }));
  const m = await browse(browser);
  await signUpViaApi(m, newPerson({ name: `Milo Member ${suffix}` }));

  // Set-up, not under test here: Fran's community, Milo's thread and a reply that needs hiding.
  const slug = `audit-${suffix}`;
  await apiOk(f, '/api/v1/communities', {
    name: `Release Engineering ${suffix}`,
    slug,
    domain: 'Shipping safely and often, together.',
    category: 'new-technology',
    cadence: 'monthly',
  });
  await apiOk(m, `/api/v1/communities/${slug}/members`);
  const thread = await apiOk(m, `/api/v1/communities/${slug}/threads`, {
    kind: 'discussion',
    title: `Release trains ${suffix}`,
    body: 'Weekly, or whenever ready?',
  });
  await apiOk(m, `/api/v1/threads/${thread.id}/posts`, { body: 'Off-topic rant about the canteen.' });

  // Fran hides the reply, giving a reason, then locks the thread, all from the thread page.
  await f.goto(`/threads/${thread.id}`);
  const rant = f.getByTestId('post-reply').filter({ hasText: 'Off-topic rant' });
  await rant.getByTestId('post-menu').click();
  await f.getByRole('menuitem', { name: 'Hide post' }).click();
  const dialog = f.getByRole('dialog', { name: 'Hide this post?' });
  await dialog.getByLabel('Reason (optional, kept in the audit log)').fill(`Off topic ${suffix}`);
  await dialog.getByRole('button', { name: 'Hide post' }).click();
  await expect(dialog).toBeHidden();
  await expect(rant).toContainText('Hidden by a facilitator');
  await f.getByRole('button', { name: 'Facilitator tools' }).click();
  await f.getByRole('menuitem', { name: 'Lock replies' }).click();
  await expect(f.getByText('Locked: only facilitators can reply.')).toBeVisible();
  // Then 26 quick pins and unpins (through the API): the hide and the lock fall to the log's second page.
  for (let i = 0; i < 13; i++) {
    for (const pinned of [true, false]) {
      const response = await f.request.patch(`/api/v1/threads/${thread.id}/moderation`, { data: { pinned } });
      expect(response.status()).toBe(200);
    }
  }

  // The org admin, on a phone, finds the audit log through the admin page.
  const a = await browse(browser, { viewport: { width: 390, height: 844 } });
  await signInAsAdminViaApi(a);
  await a.goto('/admin');
  await a.getByRole('link', { name: 'Open the audit log' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  // Other journeys write to the same log at the same time: look only at Fran's entries.
  const frans = a.getByTestId('audit-entry').filter({ hasText: fran.name });
  await expect(frans.first()).toContainText('unpinned a thread');
  const hidden = frans.filter({ hasText: 'hid a post' });
  await expect(hidden).toHaveCount(0);
  await a.getByRole('button', { name: 'Load more' }).click();
  await expect(hidden).toHaveCount(1);
  await expect(hidden.getByTestId('audit-reason')).toHaveText(`Reason: Off topic ${suffix}`);
  await expect(hidden.getByRole('link', { name: 'Open the post' })).toHaveAttribute('href', new RegExp(`/threads/${thread.id}#post-`));
  const locked = frans.filter({ hasText: 'locked a thread' });
  await expect(locked).toHaveCount(1);
  await expect(locked.getByRole('link', { name: 'Open the thread' })).toHaveAttribute('href', `/threads/${thread.id}`);
  // Newest first: the lock came after the hide.
  const order = await frans.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
  expect(order.slice(-2)).toEqual(['thread.lock', 'post.hide']);
  expect(order).toHaveLength(28);
  // Nothing on the page is wider than the phone.
  expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoA11yViolations(a);

  // Narrowed to locks, by keyboard: the hide drops out, and the filter is in the address.
  const filter = a.getByLabel('Action');
  await filter.focus();
  await filter.selectOption({ label: 'Thread locked' });
  await expect(a).toHaveURL(/\?action=thread\.lock$/);
  await expect(frans).toHaveCount(1);
  await expect(frans).toContainText('locked a thread');
  await expect(a.getByTestId('audit-entry').filter({ hasText: 'hid a post' })).toHaveCount(0);
  await expectNoA11yViolations(a);

  // Fran moderates her community but is no org admin: no way in from the admin page, and the
  // address itself explains why (the API refuses her too).
  await f.goto('/admin');
  await expect(f.getByTestId('admin-only')).toBeVisible();
  await expect(f.getByRole('link', { name: 'Open the audit log' })).toHaveCount(0);
  await f.goto('/admin/audit');
  await expect(f.getByTestId('audit-admin-only')).toContainText('Only org admins can read the audit log');
  await expect(f.getByTestId('audit-entry')).toHaveCount(0);
  await expectNoA11yViolations(f);
  expect((await f.request.get('/api/v1/audit')).status()).toBe(403);

  await Promise.all([f, m, a].map((p) => p.context().close()));
});
