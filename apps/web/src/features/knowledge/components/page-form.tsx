import { CreatePageInput, type KnowledgePage, type PageKind, type PageStatus, REVIEW_MONTHS, SavePageInput } from '@guildhall/shared';
import { Alert, Button, Group, Paper, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { validate } from '@/lib/form';
import { formatDate } from '@/lib/format';
import { useLiveEvents } from '@/lib/live-events';
import { useFormState } from '@/lib/use-form-state';
import { useCreatePage } from '../api/create-page';
import { conflictOf, type PageConflict, useSavePage } from '../api/save-page';
import { readableAlert } from '../lib/alert-styles';
import { fieldErrorsInWords } from '../lib/errors';
import { BodyField } from './body-field';
import { ConflictMerge } from './conflict-merge';
import { KindField } from './kind-field';
import { ParentSelect } from './parent-select';
import { useUnsavedChanges } from './unsaved-changes';

export type PageValues = {
  title: string;
  /** Unset on a new page until the person picks one (which brings its template). */
  kind: PageKind | null;
  tags: string[];
  parentId: string | null;
  bodySource: string;
  reviewBy: string;
  summary: string;
};

const FIELDS = ['title', 'kind', 'tags', 'parentId', 'bodySource', 'reviewBy', 'summary', 'status', 'version'] as const;
const LIVE = ['page.changed'];

type Props = {
  slug: string;
  initial: PageValues;
  /** The page being edited; absent for a new page. */
  page?: KnowledgePage;
  onSaved: (page: KnowledgePage) => void;
  cancelTo: string;
};

/**
 * Writing a page: title, kind (with its template), place in the tree, tags, Markdown beside its
 * preview, review date and a note for the history. Saving sends the version the editor started
 * from; when someone saved in between, the merge view takes over and nothing typed is lost.
 */
export function PageForm({ slug, initial, page, onSaved, cancelTo }: Props) {
  const form = useFormState<PageValues>(initial);
  const { values, errors } = form;
  const [snapshot] = useState(() => JSON.stringify(initial));
  const [baseVersion, setBaseVersion] = useState(page?.version ?? 0);
  const [conflict, setConflict] = useState<PageConflict | null>(null);
  const [setAside, setSetAside] = useState<string | null>(null);
  const [newerVersion, setNewerVersion] = useState<number | null>(null);
  const create = useCreatePage(slug);
  const save = useSavePage(page?.id ?? '');
  const mutation = page ? save : create;
  const dirty = JSON.stringify(values) !== snapshot || conflict !== null;
  const guard = useUnsavedChanges(dirty);

  // Someone else saving this page while it is open: said early, merged on save.
  useLiveEvents(LIVE, (_type, data) => {
    const event = data as { pageId?: string; version?: number } | null;
    if (page && event?.pageId === page.id && (event.version ?? 0) > baseVersion && !mutation.isPending)
      setNewerVersion(event.version ?? null);
  });

  const done = (saved: KnowledgePage) => {
    guard.allowNextNavigation();
    onSaved(saved);
  };

  const failed = (error: unknown) => {
    const found = conflictOf(error);
    if (found) return setConflict(found);
    form.setErrors(fieldErrorsInWords(error));
  };

  const submit = (status?: PageStatus, version = baseVersion) => {
    const optional = { reviewBy: values.reviewBy || undefined, summary: values.summary.trim() || undefined };
    const common = {
      title: values.title,
      kind: values.kind ?? undefined,
      tags: values.tags,
      parentId: values.parentId,
      bodySource: values.bodySource,
    };
    const checked = page
      ? validate(SavePageInput, { ...common, ...optional, version, ...(status && { status }) })
      : validate(CreatePageInput, { ...common, ...optional, status: status ?? 'published' });
    if (checked.errors || !values.kind) {
      return form.setErrors({ ...checked.errors, ...(!values.kind && { kind: 'Choose what kind of page this is.' }) });
    }
    if (page) save.mutate(checked.data as SavePageInput, { onSuccess: done, onError: failed });
    else create.mutate(checked.data as CreatePageInput, { onSuccess: done, onError: failed });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    submit((submitter?.value as PageStatus | undefined) || undefined);
  };

  const keepMine = () => {
    if (!conflict) return;
    const version = conflict.current.version;
    setBaseVersion(version);
    setNewerVersion(null);
    submit(undefined, version);
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setSetAside(values.bodySource);
    form.set('bodySource', conflict.current.bodySource);
    form.set('title', conflict.current.title);
    setBaseVersion(conflict.current.version);
    setConflict(null);
    setNewerVersion(null);
    mutation.reset();
  };

  const months = REVIEW_MONTHS[values.kind ?? 'guide'];
  const otherError = mutation.error && !conflictOf(mutation.error) ? mutation.error : null;
  const isDraft = page ? page.status === 'draft' : false;

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      {guard.prompt}
      <form onSubmit={onSubmit} noValidate aria-label={page ? `Edit ${page.title}` : 'New page'} data-testid="page-form">
        <Stack gap="md">
          {newerVersion !== null && !conflict && (
            <Alert styles={readableAlert} color="yellow" variant="light" title="Someone just saved this page" data-testid="newer-version">
              Version {newerVersion} was saved while you were editing. Keep going: when you save, you will see their changes beside yours
              and can merge them.
            </Alert>
          )}
          {otherError && <ProblemAlert error={otherError} title="The page was not saved" shownFields={FIELDS} />}
          <TextInput
            label="Title"
            description="Unique in the community; other pages link to it as [[Title]]."
            required
            maxLength={200}
            value={values.title}
            onChange={(e) => form.set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <KindField
            kind={values.kind}
            body={values.bodySource}
            onKind={(kind) => form.set('kind', kind)}
            onTemplate={(body) => form.set('bodySource', body)}
            error={errors.kind}
          />
          <ParentSelect
            slug={slug}
            pageId={page?.id}
            value={values.parentId}
            onChange={(v) => form.set('parentId', v)}
            error={errors.parentId}
          />
          <TagsInput
            label="Tags"
            description="Up to 5; lowercase words joined by hyphens. Press Enter after each."
            maxTags={5}
            value={values.tags}
            onChange={(tags) =>
              form.set(
                'tags',
                tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')),
              )
            }
            error={errors.tags}
            splitChars={[',', ' ']}
            clearable
          />
          {conflict ? (
            <ConflictMerge
              conflict={conflict}
              mine={{ title: values.title, bodySource: values.bodySource }}
              onMineChange={(body) => form.set('bodySource', body)}
              onUseMine={keepMine}
              onTakeTheirs={takeTheirs}
              saving={save.isPending}
              error={errors.bodySource}
            />
          ) : (
            <BodyField slug={slug} value={values.bodySource} onChange={(v) => form.set('bodySource', v)} error={errors.bodySource} />
          )}
          {setAside !== null && (
            <Textarea
              label="Your earlier text (not saved)"
              description="Kept here so nothing is lost; copy what you need into the text above."
              value={setAside}
              readOnly
              autosize
              minRows={3}
              maxRows={12}
              data-testid="set-aside"
            />
          )}
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <TextInput
              type="date"
              label="Review by"
              description={
                page
                  ? `Now ${formatDate(page.reviewBy)}. Leave empty: saving counts as a review, ${months} months from today.`
                  : values.kind
                    ? `Leave empty for ${months} months from today.`
                    : 'Leave empty for the usual period of the kind you choose.'
              }
              value={values.reviewBy}
              onChange={(e) => form.set('reviewBy', e.currentTarget.value)}
              error={errors.reviewBy}
              miw={220}
            />
            <TextInput
              label="What changed"
              description="Optional; shown in the page’s history."
              maxLength={300}
              value={values.summary}
              onChange={(e) => form.set('summary', e.currentTarget.value)}
              error={errors.summary}
              miw={220}
            />
          </Group>
          {!conflict && (
            <Group justify="flex-end" gap="sm">
              <Button component={Link} to={cancelTo} variant="default">
                Cancel
              </Button>
              {(!page || isDraft) && (
                <Button type="submit" name="status" value={page ? '' : 'draft'} variant="default" loading={mutation.isPending}>
                  {page ? 'Save draft' : 'Save as draft'}
                </Button>
              )}
              <Button type="submit" name="status" value={!page || isDraft ? 'published' : ''} loading={mutation.isPending}>
                {!page || isDraft ? 'Publish' : 'Save'}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
