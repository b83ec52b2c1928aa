import { expect, expectNoA11yViolations, FIRST_ADMIN, newPerson, signUpViaUi, test } from './support/fixtures.ts';

/**
 * The foundation journey: the first account becomes the org admin, creates a team and two
 * communities (one private); a colleague joins the open one and is promoted to core; a third
 * person finds no trace of the private one.
 */
test('first admin sets up, a colleague joins and is promoted, a private community stays hidden', async ({ browser }) => {
  // Three people, eleven pages and an axe run on each: longer than one page's worth of time.
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signUpViaUi(admin, FIRST_ADMIN);
  await expect(admin.getByRole('heading', { level: 1, name: /Welcome, Ada/ })).toBeVisible();
  await expectNoA11yViolations(admin);

  // A team, from the admin page.
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await admin.getByLabel('Team name').fill('Platform');
  await admin.getByRole('button', { name: 'Create team' }).click();
  await expect(admin.getByTestId('teams-panel').getByRole('cell', { name: 'Platform', exact: true })).toBeVisible();
  await expectNoA11yViolations(admin);

  // An open community and a private one.
  const createCommunity = async (name: string, domain: string, visibility: 'Open' | 'Private') => {
    await admin.goto('/communities/new');
    await expect(admin.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
    await admin.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await admin.getByRole('textbox', { name: 'Domain' }).fill(domain);
    await admin.getByRole('radio', { name: /^New technology/ }).check();
    await admin.getByRole('radio', { name: /^Every two weeks/ }).check();
    await admin.getByRole('radio', { name: new RegExp(`^${visibility}`) }).check();
    await expectNoA11yViolations(admin);
    await admin.getByRole('button', { name: 'Create community' }).click();
    await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  };
  await createCommunity('Kubernetes Observability', 'Monitoring and troubleshooting our Kubernetes deployments together.', 'Open');
  const openUrl = admin.url();
  await expect(admin.getByTestId('role-group-facilitator')).toContainText('Ada Admin');
  await expectNoA11yViolations(admin);
  await createCommunity('Security Best Practices', 'Threat models and incident lessons we keep among ourselves.', 'Private');
  const privatePath = new URL(admin.url()).pathname;

  // A colleague signs up, finds the open community by typing, and joins.
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signUpViaUi(bob, newPerson({ name: 'Bob Builder' }));
  await bob.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Communities' }).click();
  await expect(bob.getByRole('heading', { level: 1, name: 'Communities' })).toBeVisible();
  await bob.getByLabel('Search communities').fill('kubern');
  const cards = bob.getByTestId('community-card');
  await expect(cards).toHaveCount(1);
  await expectNoA11yViolations(bob);
  await cards.getByRole('link', { name: 'Kubernetes Observability' }).click();
  await bob.getByTestId('membership').getByRole('button', { name: 'Join' }).click();
  await expect(bob.getByTestId('membership').getByRole('button', { name: 'Leave community' })).toBeVisible();
  await expect(bob.getByTestId('role-group-member')).toContainText('Bob Builder');
  await expectNoA11yViolations(bob);

  // The facilitator promotes them to the core group.
  await admin.goto(openUrl);
  const bobRow = admin.getByTestId('member-row').filter({ hasText: 'Bob Builder' });
  await bobRow.getByRole('button', { name: 'Make core' }).click();
  await expect(admin.getByTestId('role-group-core')).toContainText('Bob Builder');
  await expect(admin.getByTestId('role-group-member')).not.toContainText('Bob Builder');
  await expectNoA11yViolations(admin);
  await bob.reload();
  await expect(bob.getByTestId('role-group-core')).toContainText('Bob Builder');

  // A third person, on a phone, finds no trace of the private community.
  const carolContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const carol = await carolContext.newPage();
  await signUpViaUi(carol, newPerson({ name: 'Carol Curious' }));
  await carol.goto('/communities');
  await expect(carol.getByTestId('community-card')).toHaveCount(1);
  await expect(carol.getByText('Kubernetes Observability')).toBeVisible();
  await expect(carol.getByText('Security Best Practices')).toHaveCount(0);
  await expectNoA11yViolations(carol);
  await carol.getByLabel('Search communities').fill('security');
  await expect(carol.getByTestId('directory-empty')).toBeVisible();
  await carol.goto(privatePath);
  await expect(carol.getByTestId('community-not-found')).toBeVisible();
  await expect(carol.locator('body')).not.toContainText('Threat models');
  await expectNoA11yViolations(carol);
  const api = await carol.request.get(`/api/v1${privatePath}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain('Security Best Practices');

  await Promise.all([adminContext.close(), bobContext.close(), carolContext.close()]);
});
