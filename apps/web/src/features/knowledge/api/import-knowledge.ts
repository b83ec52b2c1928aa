import type { ImportFilesInput, ImportResult } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

/** What the person picked: one zip archive, or Markdown files (read in the browser). */
export type ImportUpload = ({ type: 'zip'; file: File } | { type: 'files'; input: ImportFilesInput }) & { parentId?: string };

/**
 * A zip goes up as it is (application/zip): the server unpacks it with its own limits on paths
 * and sizes. The shared client only speaks JSON, hence this one raw request.
 */
async function uploadZip(path: string, file: File): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/zip', accept: 'application/json, application/problem+json' },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network.unreachable', 'Guildhall could not be reached. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => undefined)) as
    | (ImportResult & { code?: string; detail?: string; title?: string })
    | undefined;
  if (response.ok && body) return body;
  if (body?.code) {
    const problem = body as unknown as Record<string, unknown> & { errors?: { field: string; message: string }[] };
    throw new ApiError(response.status, body.code, body.detail ?? body.title ?? 'The import failed.', problem.errors ?? [], problem);
  }
  throw new ApiError(response.status, `http.${response.status}`, 'The import could not be completed. Try again in a moment.');
}

export function importKnowledge(slug: string, upload: ImportUpload) {
  const path = `/communities/${encode(slug)}/knowledge/import${upload.parentId ? `?parentId=${encode(upload.parentId)}` : ''}`;
  return upload.type === 'zip' ? uploadZip(path, upload.file) : api.post<ImportResult>(path, upload.input);
}

export function useImportKnowledge(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: ImportUpload) => importKnowledge(slug, upload),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: knowledgeKeys.community(slug) }),
  });
}
