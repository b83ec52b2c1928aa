import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect as baseExpect, newPerson, signUpViaApi, test } from './support/fixtures.ts';

// Live events, lazy chunks and four browsers on a shared 2-core machine: 5 s per expectation is too tight.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * The XSS corpus (security/xss-payloads.txt in the shared folder beside the repository, where
 * CI clones it) written into posts through the API and rendered by the real thread page in
 * Chromium: no dialog may open, no script may run, and the rendered posts carry no script,
 * event handler, javascript: URL or style. The fixtures also fail the test on any CSP
 * violation, which is what a blocked injection would raise.
 */
const CORPUS = resolve(import.meta.dirname, '..', '..', 'shared', 'security', 'xss-payloads.txt');
/** A post's limit, in UTF-8 bytes; batches stay a little under it. */
const BATCH_BYTES = 60 * 1024;

function batches(lines: string[]): string[] {
  const posts: string[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    // Each payload its own paragraph, so it meets the renderer at the start of a block too.
    const size = Buffer.byteLength(line, 'utf8') + 2;
    if (bytes + size > BATCH_BYTES && current.length > 0) {
      posts.push(current.join('\n\n'));
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length > 0) posts.push(current.join('\n\n'));
  return posts;
}

test('every payload of the XSS corpus renders inert on the thread page', async ({ page }) => {
  test.setTimeout(120_000);
  const lines = readFileSync(CORPUS, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  expect(lines.length, `the corpus at ${CORPUS} looks truncated`).toBeGreaterThan(1000);
  const posts = batches(lines);
  // The thread page shows 50 replies at once; the corpus must fit on it to be seen.
  expect(posts.length).toBeLessThan(50);

  // Anything that would run sets a marker before (or instead of) opening a dialog.
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__xss = 0;
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      const original = window[name] as (...args: unknown[]) => unknown;
      w[name] = (...args: unknown[]) => {
        w.__xss = (w.__xss as number) + 1;
        return original.apply(window, args);
      };
    }
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  await signUpViaApi(page, newPerson({ name: 'Xavier Corpus' }));
  const slug = `xss-${Date.now().toString(36)}`;
  const created = await page.request.post('/api/v1/communities', {
    data: {
      name: `XSS corpus ${slug}`,
      slug,
      domain: 'Every payload of the corpus, rendered.',
      category: 'new-technology',
      cadence: 'monthly',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const [first, ...rest] = posts;
  const thread = await page.request.post(`/api/v1/communities/${slug}/threads`, {
    data: { kind: 'discussion', title: 'The XSS corpus <script>window.__xss=1</script>', body: first },
  });
  expect(thread.status(), await thread.text()).toBe(201);
  const { id: threadId } = (await thread.json()) as { id: string };
  for (const body of rest) {
    const reply = await page.request.post(`/api/v1/threads/${threadId}/posts`, { data: { body } });
    expect(reply.status(), await reply.text()).toBe(201);
  }

  await page.goto(`/threads/${threadId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('The XSS corpus <script>');
  const bodies = page.getByTestId('post-body');
  await expect(bodies).toHaveCount(posts.length);
  // Give lazy handlers (image errors, focus, animation) a moment to fire if anything slipped through.
  await page.mouse.move(300, 300);
  await page.mouse.wheel(0, 100_000);
  await page.waitForTimeout(1_500);

  const findings = await page.evaluate(() => {
    const found: string[] = [];
    const rendered = document.querySelectorAll('[data-testid="post-body"]');
    for (const body of Array.from(rendered)) {
      for (const el of Array.from(body.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        if (
          ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'style', 'link', 'meta', 'base', 'input', 'button'].includes(tag)
        ) {
          found.push(`<${tag}> element`);
        }
        for (const { name, value } of Array.from(el.attributes)) {
          if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
          if (name === 'style') found.push(`${tag}[style]`);
          if (
            /^(href|src|action|formaction|xlink:href|srcset|background|poster)$/i.test(name) &&
            /^\s*(javascript|data|vbscript):/i.test(value)
          ) {
            found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
          }
        }
      }
    }
    return { found, marker: (window as unknown as { __xss: number }).__xss, scripts: document.scripts.length };
  });
  expect(findings.found.slice(0, 20)).toEqual([]);
  expect(findings.marker, 'alert/confirm/prompt/print calls').toBe(0);
  expect(dialogs).toEqual([]);
  // Only the app's own bundle: nothing was injected into the document.
  const inlineScripts = await page.locator('script:not([src])').count();
  expect(inlineScripts).toBe(0);
});
