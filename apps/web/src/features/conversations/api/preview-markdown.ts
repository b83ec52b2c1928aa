import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The server's renderer and sanitiser, so a preview is exactly what readers will get. */
export const previewMarkdown = (source: string) => api.post<{ html: string }>('/markdown/preview', { source });

export const usePreviewMarkdown = () => useMutation({ mutationFn: previewMarkdown });
