import { isMap, parseDocument, stringify } from 'yaml';
import { badRequest } from '../../errors.ts';

const FENCE = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Splits `---\n<yaml>\n---\n` off the top of a Markdown file. The YAML must be a mapping (400
 * `import.invalid_front_matter`, naming the file, otherwise). One blank line after the closing
 * fence belongs to the front matter, so that export → import gives back the body as it was.
 */
export function splitFrontMatter(text: string, path: string): { meta: Record<string, unknown>; body: string } {
  if (!FENCE.test(text)) return { meta: {}, body: text };
  const afterOpen = text.replace(FENCE, '');
  const close = CLOSE.exec(afterOpen);
  if (!close) return { meta: {}, body: text };
  const yaml = afterOpen.slice(0, close.index);
  let body = afterOpen.slice(close.index + close[0].length);
  body = body.replace(/^\r?\n/, '');
  // Aliases are capped by the parser (no "billion laughs"); custom tags are not resolved.
  const doc = parseDocument(yaml, { schema: 'core', prettyErrors: false });
  if (doc.errors.length > 0 || !(doc.contents === null || isMap(doc.contents))) {
    throw badRequest('import.invalid_front_matter', `The front matter of ${path} is not valid YAML key: value pairs.`, [
      { field: path, message: 'Invalid front matter' },
    ]);
  }
  const meta = (doc.toJS({ maxAliasCount: 50 }) ?? {}) as Record<string, unknown>;
  return { meta, body };
}

/** A Markdown file with its front matter: the YAML block, a blank line, the body exactly as stored. */
export function withFrontMatter(meta: Record<string, unknown>, body: string): string {
  const defined = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== null));
  return `---\n${stringify(defined, { lineWidth: 0 })}---\n\n${body}`;
}
