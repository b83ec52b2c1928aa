import type { PageKind } from '@guildhall/shared';
import { Button, Stack } from '@mantine/core';
import { IconBookmarkPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { type CaptureSource, useCapture } from '../api/capture';
import { knowledgePaths } from '../lib/paths';

type Props = {
  /** A question or challenge thread (`{ type: 'thread', id }`) or one session (`{ type: 'occurrence', eventId, key }`). */
  source: CaptureSource;
  /** Left out, the server picks the kind that fits the source (a question → best practice…). */
  kind?: PageKind;
  label?: string;
};

/**
 * "Save as knowledge": turns what a thread or a session settled into a draft page, prefilled and
 * linked back to it, then opens that draft in the editor to finish. Members only (the server
 * says so in plain words otherwise, e.g. when a question has no accepted answer yet).
 */
export function SaveAsKnowledgeButton({ source, kind, label = 'Save as knowledge' }: Props) {
  const capture = useCapture();
  const navigate = useNavigate();
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        variant="default"
        leftSection={<IconBookmarkPlus size={16} aria-hidden />}
        loading={capture.isPending}
        onClick={() =>
          capture.mutate(
            { source, input: kind ? { kind } : {} },
            { onSuccess: (page) => navigate(knowledgePaths.edit(page.community.slug, page.id)) },
          )
        }
        data-testid="save-as-knowledge"
      >
        {label}
      </Button>
      {capture.error && <ProblemAlert error={capture.error} title="It was not saved as knowledge" />}
    </Stack>
  );
}
