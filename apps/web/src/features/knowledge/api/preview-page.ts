import type { PagePreview } from '@guildhall/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

/** What saving would store, rendered by the server: links resolved in the community, sanitised. */
export const previewPage = (slug: string, bodySource: string) =>
  api.post<PagePreview>(`/communities/${encode(slug)}/pages/preview`, { bodySource });

/** Give it a debounced source: each distinct text is rendered once, the last preview stays while the next loads. */
export const usePagePreview = (slug: string, bodySource: string) =>
  useQuery({
    queryKey: knowledgeKeys.preview(slug, bodySource),
    queryFn: () => previewPage(slug, bodySource),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    enabled: bodySource.trim() !== '',
  });
