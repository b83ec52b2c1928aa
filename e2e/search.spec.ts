import { expect, expectNoA11yViolations, newPerson, signUpViaApi, test } from './support/fixtures';

/**
 * Finding what a colleague already answered: a title suggestion while typing, then the
 * results page with highlighted matches, facets by kind, and a no-results state that helps.
 * A private community's thread never shows up for someone outside it.
 */
test('a person finds an answer through suggestions and the results page, never a private one', async ({ page, browser }) => {
  const slug = `obs-${Date.now().toString(36)}`;
  await signUpViaApi(page, newPerson({ name: 'Nia Nakamura' }));
  const community = await page.request.post('/api/v1/communities', {
    data: {
      name: 'Observability Guild',
      slug,
      domain: 'Tracing, metrics and logs across our services.',
      category: 'cross-cutting-concern',
      cadence: 'monthly',
    },
  });
  expect(community.status(), await community.text()).toBe(201);
  const thread = await page.request.post(`/api/v1/communities/${slug}/threads`, {
    data: {
      kind: 'question',
      title: 'Quasar collector keeps dropping spans',
      tags: ['tracing'],
      body: 'Our quasar collector drops spans under load. Is the batch processor queue too small?',
    },
  });
  expect(thread.status(), await thread.text()).toBe(201);
  const threadId = ((await thread.json()) as { id: string }).id;
  const secret = await page.request.post('/api/v1/communities', {
    data: {
      name: 'Quasar Incident Room',
      slug: `${slug}-x`,
      domain: 'A private room for reviewing incidents of the collector.',
      category: 'cross-cutting-concern',
      cadence: 'monthly',
      visibility: 'private',
    },
  });
  expect(secret.status(), await secret.text()).toBe(201);
  await page.request.post(`/api/v1/communities/${slug}-x/threads`, {
    data: { kind: 'discussion', title: 'Quasar outage timeline', body: 'quasar private notes' },
  });

  // Someone else, who belongs to neither community.
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signUpViaApi(reader, newPerson({ name: 'Reza Reader' }));
  await reader.goto('/');
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();

  await reader.keyboard.press('/');
  const box = reader.getByRole('searchbox', { name: 'Search Guildhall' });
  await expect(box).toBeFocused();
  await box.pressSequentially('quasar col');
  const suggestion = reader.getByRole('option', { name: /Quasar collector keeps dropping spans/ });
  await expect(suggestion).toBeVisible();
  await expect(reader.getByRole('option', { name: /Quasar outage timeline/ })).toHaveCount(0);
  await expectNoA11yViolations(reader);
  await reader.keyboard.press('ArrowDown');
  await reader.keyboard.press('Enter');
  await expect(reader).toHaveURL(new RegExp(`/threads/${threadId}`));

  // Enter alone shows every result.
  await reader.keyboard.press('/');
  await box.fill('quasar spans');
  await box.press('Enter');
  await expect(reader).toHaveURL(/\/search\?q=quasar\+spans/);
  const hits = reader.getByTestId('search-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.first().getByRole('link', { name: 'Quasar collector keeps dropping spans' })).toBeVisible();
  await expect(hits.first().locator('mark').first()).toHaveText(/quasar/i);
  await expect(hits.first()).toContainText('Nia Nakamura');
  await expect(reader.getByText('Quasar Incident Room')).toHaveCount(0);
  await expect(reader.getByText('Quasar outage timeline')).toHaveCount(0);
  await expectNoA11yViolations(reader);

  // Facets narrow by kind; a kind with no match leaves a helpful empty state.
  await reader
    .locator('label')
    .filter({ hasText: /^Communities/ })
    .click();
  await expect(reader).toHaveURL(/kind=community/);
  await expect(reader.getByTestId('search-no-results')).toContainText('Try clearing the filters');
  await expectNoA11yViolations(reader);

  // The author sees their own community's hits too; the private one included for its member.
  await page.goto('/search?q=quasar');
  await expect(page.getByTestId('search-hit')).toHaveCount(3);
  await context.close();
});
