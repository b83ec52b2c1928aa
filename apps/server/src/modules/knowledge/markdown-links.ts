import { posix } from 'node:path';

export type InlineLink = { text: string; destination: string; title: string };

const LINK = /(!?)\[([^[\]\n]*)\]\(\s*(<[^<>\n]*>|[^\s()<>]+)(\s+"[^"\n]*")?\s*\)/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Rewrites inline links `[text](destination "title")` of a Markdown text, leaving fenced code
 * and images alone. `rewrite` answers the replacement Markdown, or undefined to keep the link.
 */
export function rewriteLinks(source: string, rewrite: (link: InlineLink) => string | undefined): string {
  const parts = source.split(/(\r?\n)/);
  let fence: string | null = null;
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i] ?? '';
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    parts[i] = line.replace(LINK, (whole, bang: string, text: string, rawDestination: string, rawTitle: string | undefined) => {
      if (bang) return whole;
      const destination = rawDestination.startsWith('<') ? rawDestination.slice(1, -1) : rawDestination;
      return rewrite({ text, destination, title: rawTitle ?? '' }) ?? whole;
    });
  }
  return parts.join('');
}

/** The path of `to` as seen from the file `from` (both relative to the archive's root). */
export const relativePath = (from: string, to: string): string => {
  const relative = posix.relative(posix.dirname(from), to);
  return relative.startsWith('.') ? relative : `./${relative}`;
};

/** A relative link's target inside the archive, or undefined when it leaves it or is not a path. */
export function resolveRelative(from: string, destination: string): { path: string; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(destination) || destination.startsWith('/') || destination.startsWith('#')) return undefined;
  const hash = destination.indexOf('#');
  const rawPath = hash < 0 ? destination : destination.slice(0, hash);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  const path = posix.normalize(posix.join(posix.dirname(from), decoded));
  if (path.startsWith('..') || path.startsWith('/')) return undefined;
  return { path, fragment: hash < 0 ? '' : destination.slice(hash) };
}
