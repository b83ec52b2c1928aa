import { CATEGORIES, CATEGORY_LABELS, type Category, CreateProposalInput, FIRST_FOCUS_ADVICE } from '@guildhall/shared';
import { Alert, Button, Grid, Group, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTargetArrow } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { CATEGORY_HINTS } from '@/features/communities';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useCreateProposal } from '../api/create-proposal';
import { SimilarPanel } from '../components/similar-panel';

const FIELDS = ['topic', 'whyNow', 'problem', 'category', 'firstFocus'] as const;

const INITIAL = { topic: '', whyNow: '', problem: '', category: 'new-technology' as Category, firstFocus: '' };

/** The brief's "Identify the focus", beside the field that asks for one. */
function FocusAdvice() {
  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconTargetArrow aria-hidden />}
      title="Don't try to boil the ocean"
      data-testid="focus-advice"
    >
      <Stack gap={6}>
        <Text size="sm">Pick one narrow focus to start, e.g. "distributed tracing for our Go services", not "observability".</Text>
        <Text size="xs" c="dimmed">
          {FIRST_FOCUS_ADVICE}
        </Text>
      </Stack>
    </Alert>
  );
}

/** "Propose a community": the idea, why now, the problem, a category and one narrow first focus. */
export function NewProposalRoute() {
  const navigate = useNavigate();
  const create = useCreateProposal();
  const form = useFormState(INITIAL);
  const [topic] = useDebouncedValue(form.values.topic, 300);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(CreateProposalInput, form.values);
    if (errors) return form.setErrors(errors);
    create.mutate(data, {
      onSuccess: (proposal) => {
        notifications.show({
          color: 'indigo',
          title: 'Proposal published',
          message: 'Share it with colleagues who might join or help lead.',
        });
        navigate(`/proposals/${proposal.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <>
      <PageHeader
        title="Propose a community"
        description="Start small: say what it is about and why now, then see who would join before anything is created."
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={960}>
        <form onSubmit={submit} noValidate aria-label="Propose a community">
          <Stack gap="lg">
            {create.error && <ProblemAlert error={create.error} title="The proposal could not be published" shownFields={FIELDS} />}
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <TextInput
                  label="Topic"
                  description="What the community would be about, in a few words."
                  placeholder="e.g. Distributed tracing"
                  required
                  maxLength={80}
                  value={form.values.topic}
                  onChange={(e) => form.set('topic', e.currentTarget.value)}
                  error={form.errors.topic}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <SimilarPanel topic={topic} />
              </Grid.Col>
            </Grid>
            <Textarea
              label="Why now"
              description="What changed: a migration, an incident, a new team, a question everyone keeps asking."
              required
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2000}
              value={form.values.whyNow}
              onChange={(e) => form.set('whyNow', e.currentTarget.value)}
              error={form.errors.whyNow}
            />
            <Textarea
              label="The problem it would help with"
              description="What people struggle with today, and who."
              required
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2000}
              value={form.values.problem}
              onChange={(e) => form.set('problem', e.currentTarget.value)}
              error={form.errors.problem}
            />
            <Radio.Group<Category>
              label="Category"
              required
              value={form.values.category}
              onChange={(value) => form.set('category', value)}
              error={form.errors.category}
            >
              <Stack gap="sm" mt="xs">
                {CATEGORIES.map((c) => (
                  <Radio key={c} value={c} label={CATEGORY_LABELS[c]} description={CATEGORY_HINTS[c]} />
                ))}
              </Stack>
            </Radio.Group>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Textarea
                  label="A narrow first focus"
                  description="One specific, well-defined area where sharing would help the most."
                  placeholder="e.g. Distributed tracing for our Go services"
                  required
                  autosize
                  minRows={2}
                  maxRows={5}
                  maxLength={300}
                  value={form.values.firstFocus}
                  onChange={(e) => form.set('firstFocus', e.currentTarget.value)}
                  error={form.errors.firstFocus}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <FocusAdvice />
              </Grid.Col>
            </Grid>
            <Group justify="flex-end" gap="sm">
              <Button component={Link} to="/proposals" variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Publish proposal
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
