/** The web app's addresses of knowledge; the server renders the same ones into page HTML (naming.ts). */
export const knowledgePaths = {
  tab: (slug: string) => `/communities/${slug}/knowledge`,
  page: (slug: string, pageId: string) => `/communities/${slug}/knowledge/${pageId}`,
  edit: (slug: string, pageId: string) => `/communities/${slug}/knowledge/${pageId}/edit`,
  history: (slug: string, pageId: string) => `/communities/${slug}/knowledge/${pageId}/history`,
  newPage: (slug: string, options: { title?: string; parent?: string } = {}) => {
    const query = new URLSearchParams();
    if (options.title) query.set('title', options.title);
    if (options.parent) query.set('parent', options.parent);
    const search = query.toString();
    return `/communities/${slug}/knowledge/new${search ? `?${search}` : ''}`;
  },
  whiteboard: (slug: string, id: string) => `/communities/${slug}/knowledge/whiteboards/${id}`,
  newWhiteboard: (slug: string) => `/communities/${slug}/knowledge/whiteboards/new`,
  exportPage: (pageId: string) => `/api/v1/pages/${encodeURIComponent(pageId)}/export`,
  exportAll: (slug: string) => `/api/v1/communities/${encodeURIComponent(slug)}/knowledge/export`,
};
