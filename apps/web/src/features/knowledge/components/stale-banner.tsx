import type { KnowledgePage } from '@guildhall/shared';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHourglass } from '@tabler/icons-react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { formatDate } from '@/lib/format';
import { useConfirmFresh } from '../api/confirm-fresh';
import { readableAlert } from '../lib/alert-styles';

const latest = (a: string, b: string | null) => (b && b > a ? b : a);

/**
 * A gentle note to readers that a page is past its review date. Its owner and the facilitators
 * can confirm it is still accurate, which moves the date a period of its kind ahead.
 */
export function StaleBanner({ page }: { page: KnowledgePage }) {
  const confirm = useConfirmFresh(page.id);
  if (!page.isStale) return null;
  const since = latest(page.updatedAt, page.lastConfirmedAt);
  return (
    <Alert
      styles={readableAlert}
      color="yellow"
      variant="light"
      icon={<IconHourglass aria-hidden />}
      title="Due for a review"
      data-testid="stale-banner"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          This page hasn’t been reviewed since {formatDate(since)} — if it’s still accurate, confirm it.
          {!page.canManage && page.owner && ` Its owner, ${page.owner.name}, or a facilitator can do that.`}
        </Text>
        {page.canManage && (
          <Button
            size="xs"
            variant="default"
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate(undefined, {
                onSuccess: (fresh) =>
                  notifications.show({
                    color: 'teal',
                    title: 'Thanks for checking',
                    message: `Next review by ${formatDate(fresh.reviewBy)}.`,
                  }),
              })
            }
          >
            Still accurate
          </Button>
        )}
        <ProblemAlert error={confirm.error} title="That did not work" />
      </Stack>
    </Alert>
  );
}
