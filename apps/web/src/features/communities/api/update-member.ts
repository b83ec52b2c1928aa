import type { Member, UpdateMemberInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';

export const updateMember = (slug: string, personId: string, input: UpdateMemberInput) =>
  api.patch<Member>(`/communities/${encodeURIComponent(slug)}/members/${encodeURIComponent(personId)}`, input);

export function useUpdateMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, ...input }: UpdateMemberInput & { personId: string }) => updateMember(slug, personId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.all }),
  });
}
