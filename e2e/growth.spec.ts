import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  expect as baseExpect,
  expectNoA11yViolations,
  type NewPerson,
  newPerson,
  signInAsAdminViaApi,
  signUpViaApi,
  test,
} from './support/fixtures.ts';

// Six browser contexts each load the app cold; on a busy two-core machine a first page can take
// much longer than the default five seconds to appear.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * Growing a community, the whole way in the UI: an idea becomes a proposal (with the brief's
 * advice and a similar community shown while typing), four colleagues from two teams signal
 * interest, the proposal is ready, its proposer launches it, the two who said "I'd join"
 * accept their invitations from their home page with one click, and the new community's
 * front page shows the charter with its safe-space norms. The facilitator then sets the quarter's
 * goals, moves the community to "maturing" and curates a "start here" path, which a newcomer
 * walks (progress, a buddy from the core group). Setup that is not the journey (teams, profiles,
 * a community to resemble) goes through the API.
 */

type Colleague = NewPerson & { id: string; context: BrowserContext; page: Page };

const suffix = randomBytes(3).toString('hex');

async function call(page: Page, method: 'POST' | 'PATCH' | 'PUT', path: string, data: unknown) {
  const response = await page.request.fetch(`/api/v1${path}`, { method, data });
  expect(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return response.json();
}

async function colleague(
  browser: Browser,
  name: string,
  profile: { teamId: string; seniority: string; title: string },
  viewport?: { width: number; height: number },
): Promise<Colleague> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const person = await signUpViaApi(page, newPerson({ name: `${name} ${suffix}` }));
  await call(page, 'PATCH', '/me', profile);
  return { ...person, context, page };
}

test('propose → four colleagues from two teams signal interest → ready → launch → invitations accepted → the charter shows the norms', async ({
  browser,
}) => {
  // Six people, a dozen pages and an axe run on most of them: about a minute on a quiet machine,
  // several when the two cores are shared with builds and other suites.
  test.setTimeout(600_000);

  // Setup by the org's admin: two teams, and an existing community the proposal will resemble.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsAdminViaApi(admin);
  const payments = (await call(admin, 'POST', '/teams', { name: `Payments ${suffix}` })) as { id: string };
  const mobile = (await call(admin, 'POST', '/teams', { name: `Mobile ${suffix}` })) as { id: string };
  const existing = `Distributed Tracing Guild ${suffix}`;
  await call(admin, 'POST', '/communities', {
    name: existing,
    slug: `tracing-guild-${suffix}`,
    domain: 'Tracing requests across service boundaries with OpenTelemetry.',
    category: 'new-technology',
    cadence: 'monthly',
  });

  // The admin states the threshold this journey counts on (the default): 5 people, 2 leading, 2 teams.
  await admin.goto('/admin');
  const threshold = admin.getByTestId('threshold-panel');
  await threshold.getByLabel('People interested').fill('5');
  await threshold.getByLabel('Willing to lead').fill('2');
  await threshold.getByLabel('Teams').fill('2');
  await threshold.getByRole('button', { name: 'Save threshold' }).click();
  await expect(admin.getByText('Threshold saved')).toBeVisible();
  await expectNoA11yViolations(admin);

  // The proposer, on the Payments team, proposes through the UI.
  const priya = await colleague(browser, 'Priya Proposer', { teamId: payments.id, seniority: 'senior', title: 'Backend engineer' });
  const proposer = priya.page;
  await proposer.goto('/');
  await proposer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
  await expect(proposer.getByRole('heading', { level: 1, name: 'Proposals' })).toBeVisible();
  await expectNoA11yViolations(proposer);

  await proposer.getByRole('link', { name: 'Propose a community' }).first().click();
  await expect(proposer.getByRole('heading', { level: 1, name: 'Propose a community' })).toBeVisible();
  await expect(proposer.getByTestId('focus-advice')).toContainText("Don't try to boil the ocean");
  const topic = `Distributed tracing ${suffix}`;
  await proposer.getByRole('textbox', { name: 'Topic' }).fill(topic);
  // The similar community shows up while typing, before anything is submitted.
  await expect(proposer.getByTestId('similar-community').filter({ hasText: existing })).toBeVisible();
  await proposer
    .getByRole('textbox', { name: 'Why now' })
    .fill('Three teams moved to Go microservices this quarter and requests get lost between them.');
  await proposer
    .getByRole('textbox', { name: 'The problem it would help with' })
    .fill('Nobody can follow a payment through five services when it fails at night.');
  await proposer.getByRole('radio', { name: /^Recurring struggle/ }).check();
  await proposer.getByRole('textbox', { name: 'A narrow first focus' }).fill('Distributed tracing for our Go services');
  await expectNoA11yViolations(proposer);
  await proposer.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(proposer.getByRole('heading', { level: 1, name: topic })).toBeVisible();
  await expect(proposer.getByTestId('readiness')).toContainText('1 of 5 interested');
  const proposalUrl = proposer.url();
  await expectNoA11yViolations(proposer);

  // Four colleagues from the two teams signal interest through the UI; two offer to lead.
  const signal = async (person: Colleague, labels: string[], note?: string) => {
    await person.page.goto(proposalUrl);
    await expect(person.page.getByRole('heading', { level: 1, name: topic })).toBeVisible();
    if (note) await person.page.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
    for (const label of labels) {
      const button = person.page.getByTestId('interest').getByRole('button', { name: label });
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
    }
  };
  const bao = await colleague(browser, 'Bao Builder', { teamId: payments.id, seniority: 'mid', title: 'Software engineer' });
  await signal(bao, ["I'd help lead"]);
  const chloe = await colleague(browser, 'Chloe Curious', { teamId: mobile.id, seniority: 'junior', title: 'iOS engineer' });
  await call(chloe.page, 'PUT', '/me/skills', { skills: [{ skill: 'Distributed tracing', level: 3 }] });
  await signal(chloe, ["I'd help lead", 'I could give the first talk'], 'I traced our checkout flow end to end last month.');
  const dev = await colleague(
    browser,
    'Dev Joiner',
    { teamId: mobile.id, seniority: 'senior', title: 'Android engineer' },
    { width: 390, height: 844 },
  );
  await signal(dev, ["I'd join"]);
  await expect(dev.page.getByTestId('readiness')).toContainText('4 of 5 interested');
  await expect(dev.page.getByTestId('interested')).toContainText(`Mobile ${suffix}`);
  await expectNoA11yViolations(dev.page);
  const emma = await colleague(browser, 'Emma Joiner', { teamId: payments.id, seniority: 'junior', title: 'QA engineer' });
  await signal(emma, ["I'd join"]);
  await expect(emma.page.getByTestId('ready-to-launch')).toBeVisible();
  await Promise.all([bao.context.close(), chloe.context.close()]);

  // The proposer sees it ready and launches it; the dialog says who becomes what.
  await proposer.reload();
  await expect(proposer.getByTestId('ready-to-launch')).toContainText('Ready to launch');
  await expect(proposer.getByTestId('readiness')).toContainText('5 interested');
  await expect(proposer.getByTestId('interested')).toContainText('I traced our checkout flow end to end last month.');
  await proposer.getByTestId('launch-button').click();
  const dialog = proposer.getByRole('dialog');
  await expect(dialog.getByTestId('launch-explanation')).toContainText('You become its facilitator');
  const explanation = dialog.getByTestId('launch-explanation');
  await expect(explanation).toContainText(dev.name);
  await expect(explanation).toContainText(emma.name);
  await expect(explanation).toContainText('get an invitation and accept with one click');
  await expect(dialog.getByTestId('launch-explanation')).toContainText('Nobody is enrolled silently');
  await dialog.getByRole('textbox', { name: 'Address' }).fill(`tracing-go-${suffix}`);
  await expectNoA11yViolations(proposer);
  await dialog.getByRole('button', { name: 'Launch community' }).click();
  await expect(proposer).toHaveURL(new RegExp(`/communities/tracing-go-${suffix}$`));
  await expect(proposer.getByRole('heading', { level: 1, name: topic })).toBeVisible();
  await expect(proposer.getByTestId('role-group-core')).toContainText(bao.name);
  await expect(proposer.getByTestId('role-group-core')).toContainText(chloe.name);
  await expect(proposer.getByTestId('role-group-member')).not.toContainText(dev.name);

  // Those who said "I'd join" find the invitation on their home page and accept with one click.
  for (const person of [dev, emma]) {
    await person.page.goto('/');
    const invitation = person.page.getByTestId('pending-invitations').getByTestId('community-card').filter({ hasText: topic });
    await expect(invitation).toBeVisible();
    await expectNoA11yViolations(person.page);
    await invitation.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(person.page.getByTestId('my-communities').getByRole('link', { name: topic })).toBeVisible();
  }

  // The community's front page: the charter with the safe-space norms, and where it came from.
  await dev.page.getByTestId('my-communities').getByRole('link', { name: topic }).click();
  await expect(dev.page.getByRole('heading', { level: 1, name: topic })).toBeVisible();
  await expect(dev.page.getByTestId('charter-norms')).toContainText('Questions are welcome');
  await expect(dev.page.getByTestId('charter-norms')).toContainText('Challenge ideas, not people');
  await expect(dev.page.getByTestId('proposal-origin')).toContainText(`a proposal by ${priya.name}`);
  await expect(dev.page.getByTestId('role-group-member')).toContainText(dev.name);
  await expectNoA11yViolations(dev.page);

  // The facilitator sets this quarter's goals in the charter (the norms stay as they were).
  const slug = `tracing-go-${suffix}`;
  await proposer.goto(`/communities/${slug}`);
  const charter = proposer.getByTestId('charter');
  await charter.getByRole('button', { name: 'Edit charter' }).click();
  const charterForm = proposer.getByRole('form', { name: 'Edit charter' });
  await charterForm.getByRole('textbox', { name: 'Quarter', exact: true }).fill('2027-Q1');
  await charterForm.getByRole('textbox', { name: 'Goals this quarter' }).fill('- Follow one payment through all five Go services');
  await expectNoA11yViolations(proposer);
  await charterForm.getByRole('button', { name: 'Save charter' }).click();
  await expect(charter.getByRole('heading', { name: 'Goals for 2027-Q1' })).toBeVisible();
  await expect(charter.getByTestId('charter-goals')).toContainText('Follow one payment through all five Go services');
  await expect(charter.getByTestId('charter-norms')).toContainText('Questions are welcome');

  // …moves the community on from coalescing to maturing, with a note for its history…
  const lifecycle = proposer.getByTestId('lifecycle');
  await lifecycle.getByRole('button', { name: 'Move stage' }).click();
  const stageDialog = proposer.getByRole('dialog', { name: "Move the community's stage" });
  await stageDialog.getByRole('radio', { name: /^Maturing/ }).check();
  await stageDialog
    .getByRole('textbox', { name: 'Note (optional)' })
    .fill('A core group of three and goals for the quarter: ready to grow.');
  await expectNoA11yViolations(proposer);
  await stageDialog.getByRole('button', { name: 'Move to maturing' }).click();
  await expect(stageDialog).toBeHidden();
  await expect(lifecycle.getByTestId('stage-hint')).toContainText('Maturing.');
  await expect(lifecycle.getByTestId('stage-history')).toContainText('Coalescing → Maturing');
  await expect(lifecycle.getByTestId('stage-history')).toContainText('ready to grow');

  // …and curates a short "start here" path for newcomers: a page to read and a piece of advice.
  const startHere = proposer.getByTestId('start-here');
  await startHere.getByRole('button', { name: 'Edit path' }).click();
  const addStep = startHere.getByRole('form', { name: 'Add a step' });
  await addStep.getByRole('textbox', { name: 'Title' }).fill('Read what we are for');
  await addStep.getByRole('textbox', { name: 'Link' }).fill(`/communities/${slug}`);
  await addStep.getByRole('button', { name: 'Add step' }).click();
  await expect(startHere.getByTestId('start-here-step')).toHaveCount(1);
  await addStep.getByLabel('Kind of step').click();
  await proposer.getByRole('option', { name: 'Advice' }).click();
  await addStep.getByRole('textbox', { name: 'Title' }).fill('Say hello');
  await addStep.getByRole('textbox', { name: 'Advice' }).fill('Tell us which services you work on: nobody expects an expert.');
  await addStep.getByRole('button', { name: 'Add step' }).click();
  await expect(startHere.getByTestId('start-here-step')).toHaveCount(2);
  await expectNoA11yViolations(proposer);
  await startHere.getByRole('button', { name: 'Done editing' }).click();

  // A newcomer walks the path: their progress as they go, and a buddy from the core group on request.
  await dev.page.reload();
  const path = dev.page.getByTestId('start-here');
  await expect(path.getByTestId('start-here-progress')).toHaveText('0 of 2 done');
  // The box reflects the server's answer rather than the click, so it is clicked, then awaited.
  const firstStep = path.getByRole('checkbox', { name: /Read what we are for/ });
  await firstStep.click();
  await expect(firstStep).toBeChecked();
  await expect(path.getByTestId('start-here-progress')).toHaveText('1 of 2 done');
  await expect(path.getByRole('progressbar', { name: '1 of 2 steps done' })).toBeVisible();
  await path.getByRole('button', { name: 'Ask for a buddy' }).click();
  const buddy = path.getByTestId('buddy');
  await expect(buddy).toContainText('Your buddy');
  await expect(buddy).toContainText(new RegExp(`${bao.name}|${chloe.name}`));
  await expectNoA11yViolations(dev.page);

  // The facilitator's Health tab: three in the core, two teams, and a plain suggestion.
  await proposer.reload();
  await proposer.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Health' }).click();
  await expect(proposer.getByRole('heading', { name: 'Core-group health' })).toBeVisible();
  await expect(proposer.getByTestId('health-size')).toContainText('3');
  await expect(proposer.getByTestId('health-teams')).toContainText('2 teams');
  await expect(proposer.getByTestId('health-suggestions')).toContainText('5–10 is a good size');
  await expectNoA11yViolations(proposer);

  // People: who can help with the topic, with the evidence, and a colleague's profile.
  await proposer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(proposer.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await proposer.getByRole('searchbox', { name: 'Topic' }).fill('distributed tracing');
  await expect(proposer.getByTestId('helper').filter({ hasText: chloe.name })).toContainText('Says: can teach it');
  await proposer.getByRole('searchbox', { name: 'Search by name' }).fill(`Chloe Curious ${suffix}`);
  const row = proposer.getByTestId('person-row').filter({ hasText: chloe.name });
  await expect(row).toHaveCount(1);
  await expectNoA11yViolations(proposer);
  await row.getByRole('link', { name: chloe.name }).click();
  await expect(proposer.getByRole('heading', { level: 1, name: chloe.name })).toBeVisible();
  await expect(proposer.getByTestId('profile-facts')).toContainText(`Mobile ${suffix}`);
  await expect(proposer.getByTestId('profile-communities')).toContainText('Core group');
  await expect(proposer.getByTestId('declared-skills')).toContainText('Distributed tracing');
  await expectNoA11yViolations(proposer);

  await Promise.all([adminContext.close(), priya.context.close(), dev.context.close(), emma.context.close()]);
});
