import { type DeclaredSkill, SetSkillsInput, SKILL_LEVEL_LABELS } from '@guildhall/shared';
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { useSetSkills } from '../api/set-skills';

const LEVEL_OPTIONS = ([1, 2, 3] as const).map((level) => ({ value: String(level), label: SKILL_LEVEL_LABELS[level] }));
const MAX_SKILLS = 30;

type Props = { initial: DeclaredSkill[] };

/**
 * "Ask me about": the skills a person offers to help with, each with how well they know it.
 * Colleagues find them by these in "Who can help with…?", beside what their answers show.
 */
export function SkillsEditor({ initial }: Props) {
  const [skills, setSkills] = useState(initial);
  const [draft, setDraft] = useState('');
  const [draftLevel, setDraftLevel] = useState('2');
  const [draftError, setDraftError] = useState<string>();
  const save = useSetSkills();
  const dirty = JSON.stringify(skills) !== JSON.stringify(initial);

  const add = () => {
    const skill = draft.trim();
    if (!skill) return setDraftError('Name a skill first, e.g. Kubernetes');
    if (skill.length > 40) return setDraftError('Keep it under 40 characters');
    if (skills.some((s) => s.skill.toLowerCase() === skill.toLowerCase())) return setDraftError('Already on your list');
    if (skills.length >= MAX_SKILLS) return setDraftError(`Up to ${MAX_SKILLS} skills`);
    setSkills([...skills, { skill, level: Number(draftLevel) }]);
    setDraft('');
    setDraftError(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(SetSkillsInput, { skills });
    if (errors) return setDraftError(errors.skills ?? 'Check your skills');
    save.mutate(data, {
      onSuccess: ({ skills: saved }) => {
        setSkills(saved);
        notifications.show({ color: 'indigo', title: 'Skills saved', message: 'Colleagues can now find you for these topics.' });
      },
      onError: (error) => {
        const field = serverFieldErrors(error).skills;
        if (field) setDraftError(field);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Ask me about" data-testid="skills-editor">
      <Stack gap="sm">
        {save.error && <ProblemAlert error={save.error} title="Your skills could not be saved" shownFields={['skills']} />}
        {skills.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing yet. Add what colleagues may ask you about — even what you are still learning.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {skills.map((s, index) => (
              <Group key={s.skill} component="li" gap="xs" wrap="nowrap" data-testid="skill-row">
                <Text size="sm" fw={500} style={{ flex: 1, minWidth: 0 }} truncate>
                  {s.skill}
                </Text>
                <Select
                  aria-label={`How well you know ${s.skill}`}
                  data={LEVEL_OPTIONS}
                  value={String(s.level)}
                  onChange={(value) =>
                    value && setSkills(skills.map((other, i) => (i === index ? { ...other, level: Number(value) } : other)))
                  }
                  allowDeselect={false}
                  w={170}
                  size="xs"
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${s.skill}`}
                  onClick={() => setSkills(skills.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            label="Skill"
            placeholder="e.g. OpenTelemetry"
            value={draft}
            maxLength={40}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              setDraftError(undefined);
            }}
            onKeyDown={(e) => {
              // Enter adds the skill instead of saving the form half-way.
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            error={draftError}
            style={{ flex: '1 1 12rem' }}
          />
          <Select
            label="Level"
            data={LEVEL_OPTIONS}
            value={draftLevel}
            onChange={(value) => value && setDraftLevel(value)}
            allowDeselect={false}
            w={170}
          />
          <Button variant="default" onClick={add} mt={{ base: 0, xs: 25 }}>
            Add skill
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Save skills
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
