import sanitizeHtml from 'sanitize-html';
import { PERSON_ID } from './mentions.ts';
import { HEADING_ID, WHITEBOARD_ID } from './page-syntax.ts';

/** Every link that leaves the page is user content: no referrer, no opener, no endorsement. */
const LINK_REL = 'nofollow noopener noreferrer ugc';

/**
 * The allowlist for everything the renderer can produce, and nothing else. markdown-it
 * already escapes raw HTML (html: false), so this is the second wall: if a renderer rule or
 * a markdown-it upgrade ever emits something unexpected, it is dropped here. No style
 * attributes anywhere (CSS can exfiltrate and overlay), no event handlers, no embedded
 * documents (iframe, object, svg, math, form), and URLs limited to http, https and mailto.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li'],
    ...['strong', 'em', 'del', 's', 'code', 'pre', 'span', 'a', 'img'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'class', 'data-person-id', 'data-whiteboard-id', 'rel'],
    // Knowledge pages' headings carry ids for their table of contents (h-…, checked below).
    ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, ['id']])),
    img: ['src', 'alt', 'title'],
    pre: ['class'],
    code: ['class'],
    span: ['class'],
    // An ordered list that starts at 3 should still say 3; an integer cannot carry code.
    ol: ['start'],
  },
  // A class is kept only when it is listed here; the web app styles exactly these.
  allowedClasses: {
    a: ['mention', 'wikilink', 'wikilink-missing', 'whiteboard-embed'],
    span: ['hljs-*'],
    pre: ['hljs', 'language-*', 'mermaid'],
    code: ['hljs', 'language-*'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  // "//host/path" reads like a path but leaves the site; people write full URLs anyway.
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const { 'data-person-id': personId, 'data-whiteboard-id': whiteboardId, ...rest } = attribs;
      const isMention = attribs.class === 'mention' && personId !== undefined && PERSON_ID.test(personId);
      const isEmbed = attribs.class === 'whiteboard-embed' && whiteboardId !== undefined && WHITEBOARD_ID.test(whiteboardId);
      const isWikilink = attribs.class === 'wikilink' || attribs.class === 'wikilink-missing';
      return {
        tagName,
        // `target` and any rel the input carried are not copied: ours replaces them.
        attribs: {
          ...(rest.href !== undefined && { href: rest.href }),
          ...(rest.title !== undefined && { title: rest.title }),
          ...(isMention && { class: 'mention', 'data-person-id': personId }),
          ...(isEmbed && { class: 'whiteboard-embed', 'data-whiteboard-id': whiteboardId }),
          ...(isWikilink && { class: attribs.class }),
          rel: LINK_REL,
        },
      };
    },
    ...Object.fromEntries(
      ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [
        h,
        (tagName: string, attribs: sanitizeHtml.Attributes) => ({
          tagName,
          attribs: attribs.id !== undefined && HEADING_ID.test(attribs.id) ? { id: attribs.id } : {},
        }),
      ]),
    ),
  },
  // Images only from absolute http(s) URLs; a relative src would make every reader's
  // browser send a cookie-bearing GET to our own API.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^https?:\/\//i.test(frame.attribs.src?.trim() ?? ''),
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
