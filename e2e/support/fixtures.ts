import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every journey imports `test` and `expect` from here instead of '@playwright/test', so that
 * what every page must satisfy is checked in one place:
 * - an uncaught exception in the page fails the test;
 * - so does a Content-Security-Policy violation (the CSP forbids inline script, and a
 *   violation means something on the page silently did not run).
 * A journey that provokes one on purpose opts out with `test.use({ failOnPageErrors: false })`.
 */
type Fixtures = {
  failOnPageErrors: boolean;
};

export const test = base.extend<Fixtures>({
  failOnPageErrors: [true, { option: true }],
  page: async ({ page, failOnPageErrors }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    await use(page);
    if (failOnPageErrors) expect(problems, 'errors raised in the page during the test').toEqual([]);
  },
});

export { expect };

export type A11yOptions = {
  /** Only check inside this selector. */
  include?: string;
  /** Leave these selectors out (third-party widgets, say); say why where you use it. */
  exclude?: string[];
  /** axe rule ids to skip; say why where you use it. */
  disableRules?: string[];
};

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page as it is now and fails on any
 * violation of impact 'serious' or 'critical', listing each with the elements it concerns.
 * Minor and moderate findings are attached to the report without failing. Call it once the
 * page shows what is to be checked (after the content has loaded, with any dialog open).
 */
export async function expectNoA11yViolations(page: Page, options: A11yOptions = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();

  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const others = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  if (others.length) {
    await base.info().attach('axe: minor and moderate findings', { body: describeViolations(others), contentType: 'text/plain' });
  }
  const where = page.url();
  expect(
    blocking.length,
    `${blocking.length} serious/critical accessibility violation(s) on ${where}:\n${describeViolations(blocking)}`,
  ).toBe(0);
}

function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map(
          (n) =>
            `      - ${n.target.join(' ')}\n        ${n.html.slice(0, 200)}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`,
        )
        .join('\n');
      const more = v.nodes.length > 10 ? `\n      … and ${v.nodes.length - 10} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/** An address no other test (nor an earlier run against the same database) has used. */
export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}@example.com`;
}

export type NewPerson = { name: string; email: string; password: string };

/** A person nobody has signed up as yet; pass overrides for what the journey cares about. */
export function newPerson(overrides: Partial<NewPerson> = {}): NewPerson {
  const suffix = randomBytes(3).toString('hex');
  return { name: `Test Person ${suffix}`, email: uniqueEmail(), password: 'correct horse battery staple', ...overrides };
}

/**
 * Signs up through the real page, as a person would: /signup with fields labelled Name,
 * Email and Password and a "Sign up" / "Create account" button; done once the browser has
 * left /signup. Use it in the journeys about signing up; elsewhere signUpViaApi is quicker.
 */
export async function signUpViaUi(page: Page, person: NewPerson = newPerson()): Promise<NewPerson> {
  await page.goto('/signup');
  await page.getByLabel(/^(full |display |your )?name\b/i).fill(person.name);
  await page.getByLabel(/^e-?mail\b/i).fill(person.email);
  await page.getByLabel(/^password\b/i).fill(person.password);
  await page.getByRole('button', { name: /^(sign up|create( an)? account)$/i }).click();
  await expect(page).not.toHaveURL(/\/signup\b/, { timeout: 10_000 });
  return person;
}

/** Signs in through the real page: /signin with Email and Password and a "Sign in" button. */
export async function signInViaUi(page: Page, person: Pick<NewPerson, 'email' | 'password'>) {
  await page.goto('/signin');
  await page.getByLabel(/^e-?mail\b/i).fill(person.email);
  await page.getByLabel(/^password\b/i).fill(person.password);
  await page.getByRole('button', { name: /^(sign in|log in)$/i }).click();
  await expect(page).not.toHaveURL(/\/signin\b/, { timeout: 10_000 });
}

/**
 * Signs up through the API; the session cookie lands in the page's browser context, so the
 * page is signed in from its next navigation on. Returns the person and their id.
 */
export async function signUpViaApi(page: Page, person: NewPerson = newPerson()): Promise<NewPerson & { id: string }> {
  const response = await page.request.post('/api/v1/auth/signup', { data: person });
  expect(response.status(), `sign-up failed: ${await response.text()}`).toBe(201);
  const me = (await response.json()) as { id: string };
  return { ...person, id: me.id };
}

/**
 * The organisation's first account, its admin. foundation.spec.ts signs it up on the fresh
 * database before every other journey runs (the "first-account" project), so a journey that
 * needs an admin (to make teams, change settings) signs in as it instead of becoming one.
 */
export const FIRST_ADMIN: NewPerson = { name: 'Ada Admin', email: 'ada.admin@example.com', password: 'correct horse battery staple' };

/**
 * Signs the page's browser context in as the first admin, through the API. On a database with
 * no account yet (a journey run alone, with --no-deps) it signs that admin up instead.
 */
export async function signInAsAdminViaApi(page: Page): Promise<void> {
  const policy = await page.request.get('/api/v1/auth/signup-policy');
  if (((await policy.json()) as { firstAccount: boolean }).firstAccount) {
    await signUpViaApi(page, FIRST_ADMIN);
    return;
  }
  const response = await page.request.post('/api/v1/auth/signin', { data: { email: FIRST_ADMIN.email, password: FIRST_ADMIN.password } });
  expect(response.status(), `admin sign-in failed (did foundation.spec.ts run first?): ${await response.text()}`).toBe(200);
}
