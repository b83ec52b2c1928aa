import { CADENCE_LABELS, CADENCES, type Cadence, LaunchProposalInput, type Proposal, type Visibility } from '@guildhall/shared';
import { Button, Group, List, Modal, Radio, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { serverFieldErrors, validate } from '@/lib/form';
import { slugify } from '@/lib/slugify';
import { useFormState } from '@/lib/use-form-state';
import { useLaunchProposal } from '../api/launch-proposal';

const FIELDS = ['name', 'slug', 'cadence', 'visibility'] as const;
const CADENCE_OPTIONS = CADENCES.map((value) => ({ value, label: CADENCE_LABELS[value] }));

const names = (people: { name: string }[]) =>
  people.length <= 1
    ? (people[0]?.name ?? '')
    : `${people
        .slice(0, -1)
        .map((p) => p.name)
        .join(', ')} and ${people.at(-1)?.name}`;

type Props = { proposal: Proposal; meId: string; opened: boolean; onClose: () => void };

/**
 * Launching makes the community: says beforehand exactly who becomes what, because nobody
 * is enrolled silently; those who only said they would join are invited and accept themselves.
 */
export function LaunchDialog({ proposal, meId, opened, onClose }: Props) {
  const navigate = useNavigate();
  const launch = useLaunchProposal(proposal.id);
  const form = useFormState({
    name: proposal.topic,
    slug: slugify(proposal.topic),
    cadence: 'monthly' as Cadence,
    visibility: 'open' as Visibility,
  });
  const others = proposal.interested.filter((i) => i.person.id !== proposal.proposer.id);
  const leaders = others.filter((i) => i.kinds.includes('lead')).map((i) => i.person);
  const invitees = others.filter((i) => !i.kinds.includes('lead')).map((i) => i.person);
  const proposerIsMe = proposal.proposer.id === meId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(LaunchProposalInput, form.values);
    if (errors) return form.setErrors(errors);
    launch.mutate(data, {
      onSuccess: ({ community, invited }) => {
        notifications.show({
          color: 'indigo',
          title: `${community.name} is launched`,
          message: invited ? `${invited} ${invited === 1 ? 'person was' : 'people were'} invited.` : 'Invite colleagues next.',
        });
        navigate(`/communities/${community.slug}`);
      },
      onError: (error) => {
        if (hasCode(error, 'community.slug_taken')) form.setErrors({ slug: 'This address is taken; choose another.' });
        else form.setErrors(serverFieldErrors(error));
      },
    });
  };

  const slugTaken = hasCode(launch.error, 'community.slug_taken');

  return (
    <Modal opened={opened} onClose={onClose} title={`Launch "${proposal.topic}"?`} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label="Launch the community">
        <Stack gap="md">
          <List size="sm" spacing={6} data-testid="launch-explanation">
            <List.Item>{proposerIsMe ? 'You become' : `${proposal.proposer.name} becomes`} its facilitator.</List.Item>
            <List.Item>
              {leaders.length > 0
                ? `${names(leaders)} ${leaders.length === 1 ? 'joins' : 'join'} the core group: they offered to help lead.`
                : 'No one else offered to lead, so the core group starts with the facilitator.'}
            </List.Item>
            <List.Item>
              {invitees.length > 0
                ? `${names(invitees)} ${invitees.length === 1 ? 'gets' : 'get'} an invitation and ${invitees.length === 1 ? 'accepts' : 'accept'} with one click. Nobody is enrolled silently.`
                : 'Nobody else is enrolled: invite colleagues once it exists.'}
            </List.Item>
            <List.Item>
              It starts in the coalescing stage, with a charter holding safe-space norms you can edit. This proposal stays readable from it.
            </List.Item>
          </List>
          {launch.error && !slugTaken && <ProblemAlert error={launch.error} title="The community was not launched" shownFields={FIELDS} />}
          <TextInput
            label="Name"
            required
            maxLength={80}
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.errors.name}
          />
          <TextInput
            label="Address"
            description={`Lowercase letters, digits and hyphens: /communities/${form.values.slug || '…'}`}
            required
            maxLength={60}
            value={form.values.slug}
            onChange={(e) => form.set('slug', e.currentTarget.value)}
            error={form.errors.slug}
            autoCapitalize="none"
            spellCheck={false}
          />
          <Select
            label="Cadence"
            description="How often it meets. A steady rhythm matters more than a frequent one."
            data={CADENCE_OPTIONS}
            value={form.values.cadence}
            onChange={(value) => value && form.set('cadence', value as Cadence)}
            allowDeselect={false}
            error={form.errors.cadence}
          />
          <Radio.Group<Visibility>
            label="Visibility"
            value={form.values.visibility}
            onChange={(value) => form.set('visibility', value)}
            error={form.errors.visibility}
          >
            <Group gap="lg" mt="xs">
              <Radio value="open" label="Open to everyone" />
              <Radio value="private" label="Private" />
            </Group>
          </Radio.Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Not yet
            </Button>
            <Button type="submit" loading={launch.isPending}>
              Launch community
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
