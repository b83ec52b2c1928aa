import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { expect as baseExpect, expectNoA11yViolations, newPerson, signUpViaApi, test } from './support/fixtures.ts';

// Two tabs, lazy chunks (Excalidraw, mermaid) and a shared 2-core machine: 5 s per expectation is too tight.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * The knowledge journey (issue 5): an accepted answer is captured as a best-practice page; the
 * page is edited in two tabs at once, the second save meets the conflict and keeps its text,
 * which is merged on top; the history shows the revisions and what changed between two of
 * them, word by word; an older revision is restored. Then the Knowledge tab, a whiteboard drawn
 * in its editor and a page embedding it with a mermaid diagram: nothing is fetched from any
 * origin but Guildhall's own.
 */

async function apiOk<T>(page: Page, method: 'post' | 'put', url: string, data: unknown = {}): Promise<T> {
  const response = await page.request[method](url, { data });
  expect(response.ok(), `${method.toUpperCase()} ${url} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Every request the browser context makes, and those to another origin than Guildhall's (data: and blob: are local). */
function watchRequests(context: BrowserContext, origin: string): { all: string[]; foreign: string[] } {
  const seen = { all: [] as string[], foreign: [] as string[] };
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    seen.all.push(url);
    if (new URL(url).origin !== origin) seen.foreign.push(url);
  });
  return seen;
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page scrolls sideways at this width').toBeLessThanOrEqual(0);
}

test('capture an answer, merge a conflicting edit, compare and restore; whiteboards stay on our origin', async ({ browser, baseURL }) => {
  // Two people, a dozen pages with an axe run on each, and the Excalidraw chunk.
  test.setTimeout(240_000);
  const origin = new URL(baseURL ?? '').origin;
  const suffix = randomBytes(3).toString('hex');
  const context = await browser.newContext();
  const requests = watchRequests(context, origin);
  const tab1 = await context.newPage();
  const asker = await signUpViaApi(tab1, newPerson({ name: `Asha Asker ${suffix}` }));
  const answererContext = await browser.newContext();
  const answererPage = await answererContext.newPage();
  const answerer = await signUpViaApi(answererPage, newPerson({ name: `Bo Answerer ${suffix}` }));

  // Set-up through the API: Asha starts the community (so she facilitates it), Bo joins; Asha
  // asks, Bo answers, Asha accepts the answer.
  const slug = `observability-${suffix}`;
  await apiOk(tab1, 'post', '/api/v1/communities', {
    name: `Observability ${suffix}`,
    slug,
    domain: 'Logs, metrics and traces: seeing what our services do.',
    category: 'cross-cutting-concern',
    cadence: 'monthly',
  });
  await apiOk(answererPage, 'post', `/api/v1/communities/${slug}/members`);
  const question = await apiOk<{ id: string }>(tab1, 'post', `/api/v1/communities/${slug}/threads`, {
    kind: 'question',
    title: `How should we name our metrics ${suffix}?`,
    body: 'Every team names its metrics differently and dashboards cannot be shared.',
  });
  const answer = await apiOk<{ id: string }>(answererPage, 'post', `/api/v1/threads/${question.id}/posts`, {
    body: 'Use the service name as a prefix and units as a suffix, like checkout_latency_seconds.',
  });
  await apiOk(tab1, 'post', `/api/v1/threads/${question.id}/accept`, { postId: answer.id });

  // The capture, from the thread page: "Save as knowledge" makes a draft of the question and its
  // accepted answer and opens it in the editor; the thread then says where it was captured.
  await tab1.goto(`/threads/${question.id}`);
  // The first load of the app, with a cold cache, on a loaded machine.
  await expect(tab1.getByTestId('accepted-answer')).toContainText('checkout_latency_seconds', { timeout: 30_000 });
  // Reactions vouch for someone else's post: on her own question the button only says so.
  const ownReaction = tab1.getByTestId('post-opening').getByTestId('own-post-reaction');
  await expect(ownReaction).toHaveAttribute('aria-disabled', 'true');
  await ownReaction.hover();
  await expect(tab1.getByRole('tooltip')).toContainText('not your own');
  await tab1.getByRole('button', { name: 'Save as knowledge' }).click();
  await expect(tab1).toHaveURL(new RegExp(`/communities/${slug}/knowledge/[^/]+/edit$`));
  const draftId = new URL(tab1.url()).pathname.split('/').at(-2) ?? '';
  const draftTitle = tab1.getByRole('textbox', { name: 'Title', exact: true });
  await expect(draftTitle).toHaveValue(/\S/);
  const draft = { id: draftId, title: await draftTitle.inputValue() };
  const pagePath = `/communities/${slug}/knowledge/${draft.id}`;
  await tab1.goBack();
  await expect(tab1.getByTestId('captured-in')).toContainText(draft.title);
  await expectNoA11yViolations(tab1);

  // The draft page: prefilled with the question and the accepted answer, linked to its origin.
  await tab1.goto(pagePath);
  await expect(tab1.getByTestId('page-title')).toHaveText(draft.title);
  await expect(tab1.getByTestId('kind-badge').first()).toHaveText('Best practice');
  await expect(tab1.getByTestId('draft-notice')).toBeVisible();
  await expect(tab1.getByTestId('page-origin')).toContainText('Captured from the question');
  const body = tab1.getByTestId('page-body');
  await expect(body).toContainText('Every team names its metrics differently');
  await expect(body).toContainText('checkout_latency_seconds');
  await expect(body).toContainText(answerer.name);
  await expect(tab1.getByText(`Owned by ${asker.name}`)).toBeVisible();
  await expect(tab1.getByRole('navigation', { name: 'Contents' })).toContainText('The practice');
  await expectNoA11yViolations(tab1);

  // Two tabs open the editor on the same version.
  await tab1.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(tab1).toHaveURL(`${pagePath}/edit`);
  const tab2 = await context.newPage();
  await tab2.goto(`${pagePath}/edit`);
  const text1 = tab1.getByRole('textbox', { name: 'Text', exact: true });
  const text2 = tab2.getByRole('textbox', { name: 'Text', exact: true });
  await expect(text1).toHaveValue(/Every team names its metrics differently/);
  await expect(text1).toHaveValue(/checkout_latency_seconds/);
  await expect(text2).toHaveValue(/checkout_latency_seconds/);
  await expect(tab1.getByTestId('page-preview')).toContainText('checkout_latency_seconds');
  await expectNoA11yViolations(tab1);

  // Tab 1 saves first (and publishes the draft).
  const original = await text1.inputValue();
  await text1.fill(`${original}\nAlso keep a shared checklist of metric names.\n`);
  await tab1.getByRole('textbox', { name: 'What changed' }).fill('Add the checklist');
  await tab1.getByRole('button', { name: 'Publish' }).click();
  await expect(tab1).toHaveURL(pagePath);
  await expect(tab1.getByTestId('page-body')).toContainText('shared checklist');

  // Tab 2 started from the same version: its save meets the conflict, and its text is still there.
  const mine = `${original}\nRecord histograms with explicit buckets for latency.\n`;
  await text2.fill(mine);
  await tab2.getByRole('button', { name: 'Publish' }).click();
  const merge = tab2.getByTestId('conflict-merge');
  await expect(merge.getByText('Someone saved a newer version while you were editing')).toBeVisible();
  await expect(merge.getByRole('textbox', { name: 'Your text' })).toHaveValue(mine);
  await expect(merge.getByRole('textbox', { name: /^Their version/ })).toHaveValue(/shared checklist/);
  await expect(tab2.getByTestId('conflict-changes').locator('ins', { hasText: 'checklist' }).first()).toBeVisible();
  await expectNoA11yViolations(tab2);

  // Resolved by keeping tab 2's text on top.
  await merge.getByRole('button', { name: 'Use my text on top of theirs' }).click();
  await expect(tab2).toHaveURL(pagePath);
  await expect(tab2.getByTestId('page-body')).toContainText('explicit buckets');
  await expect(tab2.getByTestId('page-body')).not.toContainText('shared checklist');

  // The history lists the capture and both saves.
  await tab2.getByRole('link', { name: 'History', exact: true }).click();
  await expect(tab2).toHaveURL(`${pagePath}/history`);
  const rows = tab2.getByTestId('revision-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Version 3 (current)');
  await expect(rows.nth(1)).toContainText('Add the checklist');
  await expect(rows.nth(2)).toContainText('Captured from');
  await expectNoA11yViolations(tab2);

  // Comparing the captured version with the current one shows the added words as insertions.
  await tab2.getByRole('checkbox', { name: 'Compare version 1' }).check();
  await tab2.getByRole('checkbox', { name: 'Compare version 3' }).check();
  await tab2.getByRole('button', { name: 'Compare selected' }).click();
  await expect(tab2).toHaveURL(/from=1&to=3/);
  const diff = tab2.getByTestId('diff-body');
  await expect(diff.locator('ins', { hasText: 'buckets' })).toBeVisible();
  await expect(diff.locator('del')).toHaveCount(0);
  await expect(tab2.getByRole('heading', { name: 'Changes from version 1 to version 3' })).toBeVisible();
  await expectNoA11yViolations(tab2);

  // Restoring the captured version makes it the newest one.
  await rows.nth(2).getByRole('button', { name: 'Restore version 1' }).click();
  const dialog = tab2.getByRole('dialog', { name: 'Restore version 1?' });
  await expect(dialog).toContainText('Its title and text become the newest version (4)');
  await dialog.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(tab2).toHaveURL(pagePath);
  const restored = tab2.getByTestId('page-body');
  await expect(restored).toContainText('checkout_latency_seconds');
  await expect(restored).not.toContainText('explicit buckets');
  // On a phone the contents fold into a disclosure above the text, and nothing scrolls sideways.
  await tab2.setViewportSize({ width: 390, height: 844 });
  const contents = tab2.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('link', { name: 'The practice' })).toBeHidden();
  await contents.getByText('Contents').click();
  await expect(contents.getByRole('link', { name: 'The practice' })).toBeVisible();
  await expectNoHorizontalScroll(tab2);
  await expectNoA11yViolations(tab2);
  await tab2.close();

  // The Knowledge tab: the page in the tree and in its kind's list, at desktop and phone widths.
  await tab1.goto(`/communities/${slug}/knowledge`);
  const tree = tab1.getByRole('tree', { name: `Pages of Observability ${suffix}` });
  await expect(tree.getByRole('treeitem', { name: new RegExp(draft.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
  const byKind = tab1.getByTestId('knowledge-by-kind');
  await byKind.getByRole('radiogroup', { name: 'Kind of page' }).getByText('Best practice', { exact: true }).click();
  await expect(byKind.getByRole('radio', { name: 'Best practice' })).toBeChecked();
  await expect(tab1.getByTestId('kind-list').getByRole('link', { name: draft.title })).toBeVisible();
  await expectNoA11yViolations(tab1);
  await tab1.setViewportSize({ width: 390, height: 844 });
  await expect(tab1.getByRole('link', { name: 'New page' })).toBeVisible();
  await expectNoHorizontalScroll(tab1);
  await tab1.setViewportSize({ width: 1280, height: 800 });

  // A whiteboard: its editor loads Excalidraw (and its fonts) from our origin only.
  await tab1.getByRole('link', { name: 'New whiteboard' }).click();
  await expect(tab1).toHaveURL(`/communities/${slug}/knowledge/whiteboards/new`);
  const canvasBox = tab1.getByTestId('whiteboard-canvas');
  await expect(canvasBox.locator('canvas.interactive')).toBeVisible({ timeout: 30_000 });
  await expect(tab1.getByTestId('whiteboard-status')).toHaveText('Draw, give it a title, then save.');
  await expectNoA11yViolations(tab1);
  const area = await canvasBox.locator('canvas.interactive').boundingBox();
  if (!area) throw new Error('the drawing canvas has no size');
  await tab1.keyboard.press('Escape');
  await canvasBox.locator('canvas.interactive').click({ position: { x: area.width / 2, y: area.height / 2 } });
  await tab1.keyboard.press('r');
  await tab1.mouse.move(area.x + area.width / 3, area.y + area.height / 3);
  await tab1.mouse.down();
  await tab1.mouse.move(area.x + area.width / 2, area.y + area.height / 2, { steps: 5 });
  await tab1.mouse.up();
  await expect(tab1.getByTestId('whiteboard-status')).toHaveText('Unsaved changes.');
  // Text needs Excalidraw's hand-drawn font: fetched from /excalidraw/fonts/, and embedded in the preview.
  await tab1.keyboard.press('t');
  await tab1.mouse.click(area.x + area.width * 0.6, area.y + area.height * 0.7);
  await tab1.keyboard.type('collector');
  await tab1.keyboard.press('Escape');
  await tab1.getByRole('textbox', { name: 'Title' }).fill(`Metric pipeline ${suffix}`);
  await tab1.getByRole('button', { name: 'Save' }).click();
  await expect(tab1).toHaveURL(new RegExp(`/communities/${slug}/knowledge/whiteboards/[0-9a-f-]{36}$`));
  const whiteboardId = tab1.url().split('/').at(-1) ?? '';
  await expect(tab1.getByTestId('whiteboard-status')).toHaveText('Saved as version 1.', { timeout: 30_000 });
  expect(
    requests.all.some((url) => new URL(url).pathname.startsWith('/excalidraw/fonts/')),
    'fonts loaded from our origin',
  ).toBe(true);
  const preview = await tab1.request.get(`/api/v1/whiteboards/${whiteboardId}/preview.svg`);
  expect(preview.headers()['content-type']).toContain('image/svg+xml');
  const svg = await preview.text();
  expect(svg).toContain('collector');
  expect(svg).toContain('@font-face');

  // A page embedding it, with a mermaid diagram and a link to a page nobody has written yet.
  const diagramPage = await apiOk<{ id: string }>(tab1, 'post', `/api/v1/communities/${slug}/pages`, {
    title: `Pipeline overview ${suffix}`,
    kind: 'guide',
    bodySource: [
      '## The pipeline',
      '',
      `![[whiteboard:${whiteboardId}]]`,
      '',
      '```mermaid',
      'graph LR',
      '  service --> collector --> storage',
      '```',
      '',
      'Naming rules live in [[Metric naming rules]].',
    ].join('\n'),
  });
  await tab1.goto(`/communities/${slug}/knowledge/${diagramPage.id}`);
  const content = tab1.getByTestId('page-body');
  await expect(content.getByRole('img', { name: `Preview of the whiteboard “Metric pipeline ${suffix}”` })).toBeVisible();
  await expect(content.locator('pre.mermaid svg')).toBeVisible({ timeout: 30_000 });
  await expectNoA11yViolations(tab1);
  await content.getByRole('link', { name: /Metric naming rules/ }).click();
  await expect(tab1).toHaveURL(new RegExp(`/communities/${slug}/knowledge/new\\?title=Metric`));
  await expect(tab1.getByRole('textbox', { name: 'Title' })).toHaveValue('Metric naming rules');

  expect(requests.foreign, 'requests that left Guildhall’s origin').toEqual([]);
  await answererContext.close();
  await context.close();
});
