import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { expect as baseExpect, expectNoA11yViolations, newPerson, signUpViaApi, test } from './support/fixtures.ts';

// Live updates, lazy chunks and four browsers on a shared (often busy) 2-core machine: an upper bound, not a wait.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * The rhythm journey (issue 4): a facilitator schedules a bi-weekly lunch & learn for two
 * through the form; three people say they are going and the third is waitlisted; one of the
 * first two drops out and the third is promoted, live; after the session, the attendees
 * reflect and the facilitator sees the aggregate — and turns the question nobody answered in
 * the room into a thread.
 */

type Someone = { page: Page; id: string; name: string; problems: string[] };

/** A person in a browser of their own, signed up through the API; page errors and CSP violations are collected. */
async function someone(browser: Browser, name: string, options: BrowserContextOptions = {}): Promise<Someone> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const { id } = await signUpViaApi(page, newPerson({ name }));
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  return { page, id, name, problems };
}

/** Another page of the same person, on a page unrelated to the session, once its live stream is open. */
async function elsewhere(p: Someone, path = '/'): Promise<Page> {
  const page = await p.page.context().newPage();
  page.on('pageerror', (error) => p.problems.push(`uncaught ${error.name}: ${error.message}`));
  const streaming = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/stream');
  await page.goto(path);
  // The server subscribes before its first byte: once the stream answers, nothing is missed.
  expect((await streaming).status()).toBe(200);
  return page;
}

const notice = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title });

async function api(page: Page, method: 'get' | 'post' | 'patch', url: string, data?: unknown) {
  const response = await page.request[method](url, data === undefined ? {} : { data });
  expect(response.ok(), `${method.toUpperCase()} ${url} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return response.json();
}

const rsvpPanel = (p: Someone): Locator => p.page.getByTestId('rsvp-panel');

async function answer(p: Someone, label: 'Going' | 'Not going', expected: string | RegExp) {
  await rsvpPanel(p).getByRole('button', { name: label, exact: true }).click();
  await expect(rsvpPanel(p).getByTestId('my-rsvp')).toHaveText(expected);
}

async function reflect(p: Someone, learned: string, rating: string) {
  const form = p.page.getByTestId('reflection-form');
  await form.getByRole('textbox', { name: 'What I learned' }).fill(learned);
  await form.getByRole('textbox', { name: 'What I will try' }).fill('Add spans to the checkout service');
  await form.getByRole('radio', { name: new RegExp(`^${rating} — `) }).check();
  await form.getByRole('button', { name: 'Save reflection' }).click();
  await expect(form.getByTestId('reflection-status')).toHaveText(/^Saved/);
}

test('a bi-weekly lunch & learn fills up, waitlists, promotes on a drop, and is reflected on', async ({ browser }) => {
  // Four people, a dozen pages and an axe run on most of them.
  test.setTimeout(480_000);
  const fran = await someone(browser, 'Fran Facilitator');
  const slug = `rhythm-${randomBytes(3).toString('hex')}`;
  await api(fran.page, 'post', '/api/v1/communities', {
    name: `Tracing Guild ${slug.slice(-6)}`,
    slug,
    domain: 'Distributed tracing and observability, in practice, across our services.',
    category: 'new-technology',
    cadence: 'bi-weekly',
  });

  // The Events tab, still empty: the month and the list.
  await fran.page.goto(`/communities/${slug}/events`);
  await expect(fran.page.getByRole('heading', { level: 2, name: 'Events' })).toBeVisible();
  await expect(fran.page.getByTestId('cadence-line')).toHaveText('Every two weeks — 0 of the last 6 held');
  await expect(fran.page.getByTestId('month-view').getByText(/^0 sessions this month/)).toBeVisible();
  await expectNoA11yViolations(fran.page);
  await fran.page.getByRole('tab', { name: 'List', exact: true }).click();
  await expect(fran.page.getByTestId('no-upcoming')).toBeVisible();
  await expectNoA11yViolations(fran.page);

  // The facilitator schedules the series through the form, starting ten minutes ago: the
  // first session is on now, so people can still RSVP and can already reflect.
  await fran.page.getByRole('link', { name: 'Schedule a session' }).first().click();
  await expect(fran.page.getByRole('heading', { level: 2, name: 'Schedule a session' })).toBeVisible();
  const start = await fran.page.evaluate(() => {
    const at = new Date(Date.now() - 10 * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
      dayLabel: `${at.getDate()} ${at.toLocaleString('en', { month: 'long' })} ${at.getFullYear()}`,
      weekday: at.toLocaleString('en', { weekday: 'long' }),
    };
  });
  const form = fran.page.getByRole('form', { name: 'Schedule session' });
  await form.getByRole('radio', { name: /^Lunch & Learn/ }).check();
  await form.getByRole('textbox', { name: 'Title' }).fill('Tracing in practice');
  await form.getByRole('textbox', { name: 'Description' }).fill('How we follow one request across **twelve** services.');
  await form.getByRole('button', { name: 'Date', exact: true }).click();
  await expect(fran.page.getByRole('button', { name: 'Next month' })).toBeVisible();
  const day = fran.page.getByRole('button', { name: start.dayLabel, exact: true });
  // Just after midnight on the 1st, ten minutes ago was last month.
  if (!(await day.isVisible())) await fran.page.getByRole('button', { name: 'Previous month' }).click();
  await day.click();
  await form.getByLabel('Start time').fill(start.time);
  await form.getByLabel('Repeats').selectOption('weekly');
  await form.getByRole('textbox', { name: 'Every how many weeks' }).fill('2');
  await form.getByRole('textbox', { name: 'Capacity' }).fill('2');
  await expect(form.getByTestId('recurrence-summary')).toHaveText(`Every 2 weeks on ${start.weekday}`);
  await expectNoA11yViolations(fran.page);
  await form.getByRole('button', { name: 'Schedule session' }).click();
  await expect(fran.page.getByRole('heading', { level: 1, name: 'Tracing in practice' })).toBeVisible();
  await expect(rsvpPanel(fran).getByTestId('seats')).toHaveText('0 of 2 places taken');
  const sessionPath = new URL(fran.page.url()).pathname;
  const [, eventId, key] = /^\/events\/([^/]+)\/occurrences\/([^/]+)$/.exec(sessionPath) ?? [];
  expect(eventId, sessionPath).toBeTruthy();

  // Three members say they are going; there are two places.
  const ana = await someone(browser, 'Ana Attendee');
  const ben = await someone(browser, 'Ben Builder');
  // The third follows along on a phone.
  const cy = await someone(browser, 'Cy Curious', { viewport: { width: 390, height: 844 } });
  for (const p of [ana, ben, cy]) await api(p.page, 'post', `/api/v1/communities/${slug}/members`, {});

  await ana.page.goto(sessionPath);
  await answer(ana, 'Going', 'Going');
  await expect(rsvpPanel(ana).getByTestId('seats')).toHaveText('1 of 2 places taken');
  await ben.page.goto(sessionPath);
  await answer(ben, 'Going', 'Going');
  await expect(rsvpPanel(ben).getByTestId('seats')).toHaveText('2 of 2 places taken');

  await cy.page.goto(sessionPath);
  await expect(rsvpPanel(cy)).toContainText('Every place is taken');
  await answer(cy, 'Going', "You're #1 on the waitlist");
  await expect(rsvpPanel(cy).getByTestId('seats')).toHaveText('2 of 2 places taken, 1 on the waitlist');
  // While waiting, Cy asks the speaker a question, anonymously.
  const questions = cy.page.getByTestId('questions');
  await questions.getByRole('textbox', { name: 'Your question' }).fill('Is tail-based sampling worth its memory cost?');
  const anonymously = questions.getByRole('checkbox', { name: 'Ask anonymously' });
  await anonymously.check();
  await expect(questions).toContainText(
    'Your name is hidden from everyone — members, facilitators and admins. Only you can see it’s yours.',
  );
  await questions.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(questions.getByTestId('session-question')).toContainText('Anonymous (you)');
  await expectNoA11yViolations(cy.page);

  // The facilitator sees the waitlist, and the question without its asker, live.
  await expect(fran.page.getByTestId('attendees-waitlisted')).toContainText('Cy Curious');
  await expect(fran.page.getByTestId('questions').getByTestId('session-question')).toContainText('Anonymous');
  await expect(fran.page.getByTestId('questions')).not.toContainText('Cy Curious');

  // Ben drops out: Cy gets the place, and their page says so without a reload; so does the
  // other tab Cy has open on the home page.
  const cyAtHome = await elsewhere(cy);
  await answer(ben, 'Not going', 'Not going');
  await expect(rsvpPanel(cy).getByTestId('my-rsvp')).toHaveText('Going');
  await expect(rsvpPanel(cy).getByTestId('seats')).toHaveText('2 of 2 places taken');
  await expect(fran.page.getByTestId('attendees-going')).toContainText('Cy Curious');
  await expect(notice(cyAtHome, 'You have a place')).toBeVisible();
  await expectNoA11yViolations(cyAtHome);
  await notice(cyAtHome, 'You have a place').getByRole('link', { name: 'Open the session' }).click();
  await expect(rsvpPanel({ ...cy, page: cyAtHome }).getByTestId('my-rsvp')).toHaveText('Going');
  await cyAtHome.close();

  // The facilitator puts Ana on the agenda; Ana, on her home page, is told — and Ben is not.
  const anaAtHome = await elsewhere(ana);
  const benAtHome = await elsewhere(ben);
  await api(fran.page, 'post', `/api/v1/events/${eventId}/occurrences/${key}/agenda`, {
    title: 'Tracing our checkout',
    presenterId: ana.id,
  });
  await expect(notice(anaAtHome, 'You are presenting')).toBeVisible();
  await expect(fran.page.getByTestId('agenda-slot')).toContainText('Tracing our checkout');
  await expect(notice(benAtHome, 'You are presenting')).toHaveCount(0);
  await Promise.all([anaAtHome.close(), benAtHome.close()]);

  // The session ends early (the API is quicker than waiting an hour): it is now over.
  const series = await api(fran.page, 'get', `/api/v1/events/${eventId}`);
  await api(fran.page, 'patch', `/api/v1/events/${eventId}`, {
    scope: 'this',
    occurrenceKey: decodeURIComponent(key as string),
    version: series.version,
    durationMinutes: 5,
  });

  // After the session, the two attendees reflect.
  await ana.page.reload();
  await expect(rsvpPanel(ana)).toContainText('This session is over.');
  await reflect(ana, 'How spans propagate through queues', '5');
  await cy.page.reload();
  await reflect(cy, 'Where our traces lose their context', '4');

  // The facilitator sees what they took away: how many reflected and how useful it was.
  await fran.page.reload();
  const aggregate = fran.page.getByTestId('reflection-aggregate');
  await expect(aggregate.getByTestId('reflection-summary')).toHaveText('2 reflections · average usefulness 4.5 / 5');
  await expect(aggregate.getByTestId('reflection')).toHaveCount(2);
  await expect(aggregate).toContainText('Where our traces lose their context');
  // Questions were for the room: now that it is over, nobody can ask one.
  await expect(fran.page.getByTestId('questions-hint')).toHaveText(/^Questions closed when the session ended\./);
  await expect(fran.page.getByRole('form', { name: 'Ask a question' })).toHaveCount(0);
  // The question nobody answered in the room becomes a thread the community can still answer.
  await fran.page.getByRole('button', { name: 'Turn unanswered questions into threads' }).click();
  await expect(fran.page.getByTestId('questions').getByRole('link', { name: 'Continued as a thread' })).toBeVisible();
  await expectNoA11yViolations(fran.page);

  // On the calendar, the session counts as held and the next one is two weeks on.
  await fran.page.goto(`/communities/${slug}/events?view=list`);
  await expect(fran.page.getByTestId('cadence-line')).toHaveText('Every two weeks — 1 of the last 6 held');
  const past = fran.page.getByRole('region', { name: 'Past year' });
  await expect(past.getByTestId('occurrence-item')).toHaveCount(1);
  await expect(past.getByTestId('status-badge')).toHaveText('Held');
  await expect(fran.page.getByRole('region', { name: 'Upcoming' }).getByTestId('occurrence-item').first()).toContainText(
    'Tracing in practice',
  );
  await expectNoA11yViolations(fran.page);
  await fran.page.getByRole('tab', { name: 'Month', exact: true }).click();
  await expect(fran.page.getByTestId('month-view').getByText(/^[1-9]\d* sessions? this month/)).toBeVisible();
  await expectNoA11yViolations(fran.page);

  // The community's front page keeps the same count of its rhythm.
  await fran.page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(fran.page.getByRole('heading', { level: 2, name: 'Domain' })).toBeVisible();
  await expect(fran.page.getByTestId('cadence-line')).toHaveText('Every two weeks — 1 of the last 6 held');
  await expectNoA11yViolations(fran.page);

  for (const p of [fran, ana, ben, cy]) expect(p.problems, `errors in ${p.name}'s browser`).toEqual([]);
});
