import { expect, expectNoA11yViolations, test } from './support/fixtures.ts';

test('the home page loads, has a title and no serious accessibility violations', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.ok(), `GET / answered ${response?.status()}`).toBe(true);
  await expect(page).toHaveTitle(/\S/);
  await expect(page.locator('body')).toContainText(/\S/, { useInnerText: true });
  await expectNoA11yViolations(page);
});
