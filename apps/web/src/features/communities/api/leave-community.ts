import { useMutation, useQueryClient } from '@tanstack/react-query';
import { communityKeys } from './keys';
import { removeMember } from './remove-member';

type Leave = { slug: string; personId: string };

/** Leave, withdraw one's request, or decline one's invitation. */
export function useLeaveCommunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, personId }: Leave) => removeMember(slug, personId),
    onSuccess: () => {
      // Not awaited: after leaving a private community it is invisible (404), and the page
      // navigates away before that answer could be shown.
      void queryClient.invalidateQueries({ queryKey: communityKeys.all });
    },
  });
}
