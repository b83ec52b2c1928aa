import { type MouseEvent, useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { drawDiagramsIn } from '@/lib/mermaid';
import classes from './post-body.module.css';

type Props = { html: string; testId?: string };

/**
 * A post's HTML as the server rendered it, with its mermaid blocks drawn as diagrams (the
 * library is fetched only when a post has one). Mentions link inside the app, so following one
 * stays a client-side navigation instead of reloading the page.
 */
export function PostBody({ html, testId = 'post-body' }: Props) {
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);

  // React replaces the inner HTML only when `html` changes, so a drawn diagram stays drawn until then.
  useEffect(() => {
    if (ref.current && html) void drawDiagramsIn(ref.current);
  }, [html]);

  const followMention = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a.mention');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('/people/')) return;
    event.preventDefault();
    navigate(href);
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: only intercepts clicks on the links inside, which keep their own keyboard behaviour
    <div
      ref={ref}
      className={classes.body}
      data-testid={testId}
      onClick={followMention}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: this HTML is rendered and sanitised on the server (markdown-it without raw HTML, then the sanitize-html allowlist tested against the XSS corpus); the browser never turns user Markdown into HTML itself.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
