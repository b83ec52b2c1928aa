import type { WhiteboardRef } from '@guildhall/shared';
import { type MouseEvent, useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { RichText } from '@/components/ui/rich-text';
import { drawDiagramsIn } from '@/lib/mermaid';
import classes from './page-body.module.css';

type Props = {
  html: string;
  /** The page's embedded whiteboards; left out (the editor's preview), every embed tries its latest preview. */
  whiteboards?: WhiteboardRef[];
  testId?: string;
};

/** What the server's HTML only marks, made real in the browser: whiteboard previews and hints on missing pages. */
function enhance(root: HTMLElement, whiteboards: WhiteboardRef[] | undefined) {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a.whiteboard-embed[data-whiteboard-id]')) {
    const id = link.dataset.whiteboardId ?? '';
    if (link.querySelector('img')) continue;
    const board = whiteboards?.find((b) => b.id === id);
    const src = whiteboards ? board?.previewUrl : `/api/v1/whiteboards/${encodeURIComponent(id)}/preview.svg`;
    if (!src) continue;
    const img = document.createElement('img');
    img.src = src;
    img.alt = `Preview of the whiteboard “${board?.title ?? link.textContent?.replace(/^Whiteboard: /, '') ?? ''}”`;
    img.loading = 'lazy';
    // A whiteboard saved without a preview answers 404: its link alone then stands for it.
    img.addEventListener('error', () => img.remove());
    link.prepend(img);
  }
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a.wikilink-missing')) {
    if (link.querySelector('[data-hint]')) continue;
    link.title = 'Nobody has written this page yet: follow the link to create it';
    const hint = document.createElement('span');
    hint.dataset.hint = '';
    hint.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
    hint.textContent = ' (page not written yet, create it)';
    link.append(hint);
  }
}

/**
 * A knowledge page's HTML as the server rendered and sanitised it (RichText), with mermaid
 * diagrams drawn (the library is fetched only when there is one) and links within the app
 * followed without reloading it.
 */
export function PageBody({ html, whiteboards, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    const root = ref.current;
    if (!root || !html) return;
    enhance(root, whiteboards);
    void drawDiagramsIn(root);
  }, [html, whiteboards]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href || link.target || link.hasAttribute('download')) return;
    if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
    event.preventDefault();
    navigate(href);
  };

  return (
    // Delegation: Enter on a focused link fires this click too, so keyboard users get the same.
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div ref={ref} className={classes.body} onClick={onClick}>
      <RichText html={html} testId={testId} />
    </div>
  );
}
