import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The server renders and sanitises drafts exactly as it will store them. */
export const previewMarkdown = (source: string) => api.post<{ html: string }>('/markdown/preview', { source });

export const usePreviewMarkdown = () => useMutation({ mutationFn: previewMarkdown });
