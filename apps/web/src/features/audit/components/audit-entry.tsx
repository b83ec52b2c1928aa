import type { AuditEntry } from '@guildhall/shared';
import { Anchor, Blockquote, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatRelative, plural } from '@/lib/format';
import { actionVerb } from './action-labels';

/** Where an entry's target can be opened in the app; communities and memberships are stored by id only, so they get none. */
function targetLink(entry: AuditEntry): { to: string; label: string } | null {
  const threadId = typeof entry.detail?.threadId === 'string' ? entry.detail.threadId : undefined;
  if (entry.targetType === 'post' && threadId) return { to: `/threads/${threadId}#post-${entry.targetId}`, label: 'Open the post' };
  if (entry.targetType === 'thread') return { to: `/threads/${entry.targetId}`, label: 'Open the thread' };
  if (entry.targetType === 'proposal') return { to: `/proposals/${entry.targetId}`, label: 'Open the proposal' };
  return null;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** The facts worth a line besides the reason: what changed, how many flags, whom an invite was for. */
function facts(entry: AuditEntry): string[] {
  const d = entry.detail ?? {};
  const out: string[] = [];
  const from = text(d.from);
  const to = text(d.to);
  // thread.move records community ids, which mean nothing to a reader.
  if (from && to && entry.action !== 'thread.move') out.push(`from ${from} to ${to}`);
  if (typeof d.flags === 'number' && d.flags > 0) out.push(`${plural(d.flags, 'open flag')} settled`);
  const role = text(d.role);
  if (role) out.push(`role ${role}`);
  const email = text(d.email);
  if (email) out.push(`for ${email}`);
  return out;
}

export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const link = targetLink(entry);
  const reason = text(entry.detail?.reason);
  const details = facts(entry);
  const headingId = `audit-${entry.id}`;
  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId} data-testid="audit-entry" data-action={entry.action}>
      <Stack gap={6}>
        <Text id={headingId} fw={500} style={{ overflowWrap: 'anywhere' }}>
          {entry.actor ? (
            <Anchor component={Link} to={`/people/${entry.actor.id}`} fw={600}>
              {entry.actor.name}
            </Anchor>
          ) : (
            <strong>Guildhall</strong>
          )}{' '}
          {actionVerb(entry.action)}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            <time dateTime={entry.createdAt} title={formatDateTime(entry.createdAt)}>
              {formatRelative(entry.createdAt)}
            </time>
          </Text>
          {link ? (
            <Anchor component={Link} to={link.to} size="sm">
              {link.label}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {entry.targetType} {entry.targetId}
            </Text>
          )}
          {details.length > 0 && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {details.join(' · ')}
            </Text>
          )}
        </Group>
        {reason && (
          <Blockquote p="xs" mt={4} color="gray" data-testid="audit-reason">
            <Text size="sm">
              <Text span fw={600} size="sm">
                Reason:{' '}
              </Text>
              {reason}
            </Text>
          </Blockquote>
        )}
      </Stack>
    </Paper>
  );
}
