import type { Mermaid } from 'mermaid';

let loading: Promise<Mermaid> | null = null;

/**
 * Mermaid is large, so it is fetched only when something on screen (a knowledge page, a post)
 * shows a diagram, once per visit: only this dynamic import may name it, or it would land in the
 * initial bundle (the build refuses that). Strict security: no click handlers and no HTML
 * labels, the diagram source being user text.
 */
function load(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
  });
  return loading;
}

/** Turns the server's `<pre class="mermaid">` blocks into diagrams; a block that does not parse stays as its text. */
async function renderDiagrams(nodes: HTMLElement[]): Promise<void> {
  if (nodes.length === 0) return;
  const mermaid = await load();
  for (const node of nodes) {
    if (!node.isConnected || node.dataset.processed) continue;
    const source = node.textContent ?? '';
    try {
      // One at a time: a diagram that fails to parse must not take the others down with it.
      await mermaid.run({ nodes: [node] });
      node.querySelector('svg')?.setAttribute('aria-label', 'Diagram');
    } catch {
      node.textContent = source;
      node.dataset.processed = 'failed';
      node.title = 'This diagram could not be drawn; its source is shown instead.';
    }
  }
}

/** Draws the diagrams inside server-rendered HTML that are not drawn yet; without any, mermaid is not fetched. */
export function drawDiagramsIn(root: HTMLElement): Promise<void> {
  return renderDiagrams([...root.querySelectorAll<HTMLElement>('pre.mermaid:not([data-processed])')]);
}
