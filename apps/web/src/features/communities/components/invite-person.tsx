import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { usePerson } from '@/features/people';
import { hasCode, isApiError } from '@/lib/api-client';
import { useInviteMember } from '../api/invite-member';
import { personFacts } from './member-row';
import { SentInvitations } from './pending-members';

/** Accepts a pasted profile link (…/people/<id>) or a bare id. */
export function personIdFrom(input: string): string {
  const text = input.trim();
  const match = /\/people\/([^/?#\s]+)/.exec(text);
  const id = match?.[1] ? decodeURIComponent(match[1]) : text;
  return /^[\w-]{1,64}$/.test(id) ? id : '';
}

const ALREADY = ['membership.exists', 'membership.already_invited'];

/**
 * There is no people search in the API yet, so facilitators paste the person's profile link;
 * the name is looked up as they paste, so they can see whom they are about to invite.
 */
export function InvitePerson({ slug }: { slug: string }) {
  const [input, setInput] = useState('');
  const personId = personIdFrom(input);
  const [lookupId] = useDebouncedValue(personId, 250);
  const person = usePerson(lookupId || undefined);
  const invite = useInviteMember(slug);

  const notFound = Boolean(lookupId) && isApiError(person.error) && person.error.status === 404;
  const inputError =
    (input.trim() && !personId && 'Paste a profile link like https://…/people/0192… or an id') ||
    (notFound && 'No one has that profile id') ||
    (isApiError(invite.error) &&
      (invite.error.fieldError('personId') ?? (ALREADY.includes(invite.error.code) ? invite.error.detail : undefined))) ||
    undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!personId) return;
    invite.mutate(personId, {
      onSuccess: (member) => {
        setInput('');
        notifications.show({
          color: 'indigo',
          message:
            member.status === 'active'
              ? `${member.person.name} had asked to join and is now a member.`
              : `${member.person.name} is invited. They will see the invitation on their home page.`,
        });
      },
    });
  };

  const otherError = invite.error && !inputError && !hasCode(invite.error, 'validation.failed') ? invite.error : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-heading" data-testid="invite-person">
      <Stack gap="sm">
        <Title order={2} size="h4" id="invite-heading">
          Invite someone
        </Title>
        <form onSubmit={submit} noValidate aria-label="Invite someone">
          <Stack gap="sm">
            {otherError && <ProblemAlert error={otherError} title="The invitation was not sent" />}
            <TextInput
              label="Profile link or id"
              description="Ask them to copy their profile link from their Profile page."
              value={input}
              onChange={(e) => {
                setInput(e.currentTarget.value);
                invite.reset();
              }}
              error={inputError}
              autoComplete="off"
              spellCheck={false}
            />
            {person.data && person.data.id === personId && (
              <Text size="sm" data-testid="invitee-preview">
                <strong>{person.data.name}</strong>
                {personFacts(person.data) && <Text span c="dimmed" size="sm">{` · ${personFacts(person.data)}`}</Text>}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={invite.isPending} disabled={!personId || notFound}>
                {person.data && person.data.id === personId ? `Invite ${person.data.name}` : 'Invite'}
              </Button>
            </Group>
          </Stack>
        </form>
        <SentInvitations slug={slug} />
      </Stack>
    </Paper>
  );
}
