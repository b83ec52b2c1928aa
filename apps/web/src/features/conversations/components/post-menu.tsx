import type { Post } from '@guildhall/shared';
import { ActionIcon, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconEye, IconEyeOff, IconFlag, IconHistory, IconPencil, IconTrash } from '@tabler/icons-react';
import { useModeratePost } from '../api/moderate-post';
import { DeletePostDialog, FlagPostDialog, HidePostDialog } from './post-dialogs';

type Props = {
  post: Post;
  /** Who wrote it, for the menu's accessible name. */
  authorLabel: string;
  canModerate: boolean;
  communitySlug: string;
  onEdit: () => void;
  onHistory: () => void;
};

/** Less frequent actions on a post, by who may take them: history, edit and delete (author), flag, hide and restore (facilitators). */
export function PostMenu({ post, authorLabel, canModerate, communitySlug, onEdit, onHistory }: Props) {
  const [deleteOpened, deleting] = useDisclosure(false);
  const [flagOpened, flagging] = useDisclosure(false);
  const [hideOpened, hiding] = useDisclosure(false);
  const moderate = useModeratePost(communitySlug);

  const bodyVisibleToMe = post.status === 'visible' || (post.status === 'hidden' && post.body !== '');
  const items = {
    history: Boolean(post.editedAt) && bodyVisibleToMe,
    edit: post.canEdit,
    delete: post.isMine && post.status !== 'deleted',
    flag: !post.isMine && post.status === 'visible',
    hide: canModerate && post.status === 'visible',
    restore: canModerate && post.status === 'hidden',
  };
  if (!Object.values(items).some(Boolean)) return null;

  return (
    <>
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`More actions for the post by ${authorLabel}`} data-testid="post-menu">
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {items.history && (
            <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={onHistory}>
              Edit history
            </Menu.Item>
          )}
          {items.edit && (
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
              Edit
            </Menu.Item>
          )}
          {items.delete && (
            <Menu.Item leftSection={<IconTrash size={16} color="var(--mantine-color-red-8)" aria-hidden />} onClick={deleting.open}>
              Delete
            </Menu.Item>
          )}
          {items.flag && (
            <Menu.Item leftSection={<IconFlag size={16} aria-hidden />} onClick={flagging.open}>
              Flag for facilitators
            </Menu.Item>
          )}
          {items.hide && (
            <Menu.Item leftSection={<IconEyeOff size={16} color="var(--mantine-color-red-8)" aria-hidden />} onClick={hiding.open}>
              Hide post
            </Menu.Item>
          )}
          {items.restore && (
            <Menu.Item
              leftSection={<IconEye size={16} aria-hidden />}
              onClick={() => moderate.mutate({ postId: post.id, action: { type: 'restore' } })}
            >
              Restore post
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <DeletePostDialog post={post} opened={deleteOpened} onClose={deleting.close} />
      <FlagPostDialog post={post} opened={flagOpened} onClose={flagging.close} />
      <HidePostDialog post={post} opened={hideOpened} onClose={hiding.close} slug={communitySlug} />
    </>
  );
}
