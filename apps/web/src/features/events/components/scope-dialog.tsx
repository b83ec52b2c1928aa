import type { EditScope } from '@guildhall/shared';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { SCOPES } from '../lib/scopes';

type Props = {
  opened: boolean;
  action: 'edit' | 'cancel';
  /** "Tue, May 5, 12:00": which session "this" means. */
  sessionLabel: string;
  onChoose: (scope: EditScope) => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
};

/** "This session / This and following / All sessions", asked before editing or cancelling part of a series. */
export function ScopeDialog({ opened, action, sessionLabel, onChoose, onClose, pending, error }: Props) {
  const [scope, setScope] = useState<EditScope>('this');
  const verb = action === 'edit' ? 'Edit' : 'Cancel';
  return (
    <Modal opened={opened} onClose={onClose} title={`${verb} a recurring session`}>
      <Stack gap="md">
        <Text size="sm">
          {sessionLabel} is part of a series. Which sessions do you want to {action === 'edit' ? 'change' : 'cancel'}?
        </Text>
        <Radio.Group value={scope} onChange={(v) => setScope(v as EditScope)} label="Apply to" required>
          <Stack gap="sm" mt="xs">
            {SCOPES.map((s) => (
              <Radio key={s.value} value={s.value} label={s.label} description={s.description} />
            ))}
          </Stack>
        </Radio.Group>
        {action === 'cancel' && (
          <Text size="sm" c="dimmed">
            {scope === 'this'
              ? 'People who RSVPed keep their answers, in case you restore it.'
              : 'Cancelled sessions stay on the calendar, marked cancelled, so nobody turns up by mistake.'}
          </Text>
        )}
        {hasCode(error, 'event.version_conflict') ? (
          <ProblemAlert error={error} title="Someone else changed this event">
            <Text size="sm">Close this dialog; the page shows the latest version. Then try again.</Text>
          </ProblemAlert>
        ) : (
          error !== undefined && error !== null && <ProblemAlert error={error} title="Nothing was changed" />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {action === 'cancel' ? 'Keep them' : 'Back'}
          </Button>
          <Button color={action === 'cancel' ? 'red' : undefined} loading={pending} onClick={() => onChoose(scope)}>
            {action === 'edit' ? 'Continue' : `Cancel ${SCOPES.find((s) => s.value === scope)?.label.toLowerCase()}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
