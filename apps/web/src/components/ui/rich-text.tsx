import { Typography } from '@mantine/core';

type Props = { html: string; testId?: string };

/**
 * Markdown as the server rendered it: markdown-it without raw HTML, then the sanitize-html
 * allowlist (apps/server/src/platform/markdown). Only `…Html` fields of API payloads go here,
 * never text typed in the browser.
 */
export function RichText({ html, testId }: Props) {
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server, see above */}
      <div data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
