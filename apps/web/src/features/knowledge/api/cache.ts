import type { KnowledgePage } from '@guildhall/shared';
import type { QueryClient } from '@tanstack/react-query';
import { knowledgeKeys } from './keys';

/** After a page changed: show the fresh page at once, and refresh what lists or links to it. */
export function pageSaved(queryClient: QueryClient, page: KnowledgePage) {
  queryClient.setQueryData(knowledgeKeys.page(page.id), page);
  void queryClient.invalidateQueries({ queryKey: knowledgeKeys.community(page.community.slug) });
  void queryClient.invalidateQueries({ queryKey: knowledgeKeys.revisions(page.id) });
  void queryClient.invalidateQueries({ queryKey: knowledgeKeys.backlinks(page.id) });
  void queryClient.invalidateQueries({ queryKey: ['knowledge', 'captures'] });
}
