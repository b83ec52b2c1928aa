import type { ExcalidrawScene, Whiteboard } from '@guildhall/shared';
import { Alert, Anchor, Box, Button, Center, CopyButton, Group, List, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDeviceFloppy, IconHistory } from '@tabler/icons-react';
import { lazy, Suspense, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { useCommunityOutlet } from '@/features/communities';
import { hasCode, isApiError } from '@/lib/api-client';
import { formatRelative } from '@/lib/format';
import { getWhiteboard, useWhiteboard } from '../api/get-whiteboard';
import { useCreateWhiteboard, useSaveWhiteboard, type WhiteboardConflict, whiteboardConflictOf } from '../api/save-whiteboard';
import { JoinToWrite } from '../components/join-to-write';
import { useUnsavedChanges } from '../components/unsaved-changes';
import { WhiteboardHistory } from '../components/whiteboard-history';
import { readableAlert } from '../lib/alert-styles';
import { knowledgePaths } from '../lib/paths';
import { type CanvasHandle, EXCALIDRAW_ASSET_PATH } from '../lib/whiteboard-scene';

// Excalidraw (and its stylesheet) load with this chunk only. Its fonts come from our origin.
const ExcalidrawCanvas = lazy(async () => {
  window.EXCALIDRAW_ASSET_PATH = EXCALIDRAW_ASSET_PATH;
  const module = await import('../components/excalidraw-canvas');
  return { default: module.ExcalidrawCanvas };
});

const EMPTY_SCENE: ExcalidrawScene = { type: 'excalidraw', version: 2, elements: [], appState: {}, files: {} };

/** /communities/:slug/knowledge/whiteboards/:whiteboardId (also /communities/:slug/whiteboards/…), and …/new. */
export function WhiteboardEditorRoute() {
  const { community } = useCommunityOutlet();
  const { whiteboardId } = useParams();
  const board = useWhiteboard(whiteboardId);
  const slug = community.slug;

  if (whiteboardId && board.isPending) return <PageLoader />;
  if (whiteboardId && board.isError) {
    if (hasCode(board.error, 'whiteboard.not_found')) {
      return (
        <EmptyState
          title="Whiteboard not found"
          description="There is no such whiteboard here; it may have been deleted."
          actions={
            <Button component={Link} to={knowledgePaths.tab(slug)}>
              Back to Knowledge
            </Button>
          }
          testId="whiteboard-not-found"
        />
      );
    }
    return <ErrorState error={board.error} title="This whiteboard could not be loaded" onRetry={() => void board.refetch()} />;
  }
  if (!whiteboardId && community.myMembership?.status !== 'active') {
    return (
      <Stack gap="md">
        <Title order={2}>New whiteboard</Title>
        <JoinToWrite community={community} />
      </Stack>
    );
  }
  return <WhiteboardEditor key={whiteboardId ?? 'new'} slug={slug} communityName={community.name} board={board.data} />;
}

type EditorProps = { slug: string; communityName: string; board?: Whiteboard };

function WhiteboardEditor({ slug, communityName, board }: EditorProps) {
  const navigate = useNavigate();
  const canvas = useRef<CanvasHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [title, setTitle] = useState(board?.title ?? '');
  const [savedTitle, setSavedTitle] = useState(board?.title ?? '');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [version, setVersion] = useState(board?.version ?? 0);
  const [canvasDirty, setCanvasDirty] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<WhiteboardConflict | null>(null);
  const [aside, setAside] = useState<ExcalidrawScene | null>(null);
  const [history, historyDrawer] = useDisclosure(false);
  const create = useCreateWhiteboard(slug);
  const save = useSaveWhiteboard(board?.id ?? '');
  const mutation = board ? save : create;
  const canEdit = board ? board.canEdit : true;
  const dirty = canvasDirty || title.trim() !== savedTitle;
  const guard = useUnsavedChanges(canEdit && dirty);
  const [initialScene] = useState(() => board?.scene ?? EMPTY_SCENE);

  const store = async (overVersion = version) => {
    const handle = canvas.current;
    if (!handle) return;
    if (!title.trim()) return setTitleError('Give the whiteboard a title, so that pages and lists can name it.');
    setExportError(null);
    setExporting(true);
    let exported: Awaited<ReturnType<CanvasHandle['exportScene']>>;
    try {
      exported = await handle.exportScene();
    } catch {
      setExporting(false);
      return setExportError('The drawing could not be turned into a picture. Try saving again.');
    }
    setExporting(false);
    const failed = (error: unknown) => {
      const found = whiteboardConflictOf(error);
      if (found) return setConflict(found);
      if (isApiError(error) && error.fieldError('title')) setTitleError(error.detail);
    };
    if (!board) {
      return create.mutate(
        { title: title.trim(), scene: exported.scene, previewSvg: exported.previewSvg },
        {
          onSuccess: (created) => {
            handle.markSaved();
            guard.allowNextNavigation();
            notifications.show({ color: 'indigo', title: 'Whiteboard saved', message: created.title });
            navigate(knowledgePaths.whiteboard(slug, created.id), { replace: true });
          },
          onError: failed,
        },
      );
    }
    save.mutate(
      { version: overVersion, title: title.trim(), scene: exported.scene, previewSvg: exported.previewSvg },
      {
        onSuccess: (saved) => {
          handle.markSaved();
          setVersion(saved.version);
          setSavedTitle(saved.title);
          setConflict(null);
          notifications.show({ color: 'indigo', title: 'Whiteboard saved', message: `Version ${saved.version}` });
        },
        onError: failed,
      },
    );
  };

  const loadTheirs = async () => {
    if (!board || !canvas.current) return;
    const latest = await getWhiteboard(board.id);
    setAside(canvas.current.snapshot());
    canvas.current.load(latest.scene);
    canvas.current.markSaved();
    setVersion(latest.version);
    setTitle(latest.title);
    setSavedTitle(latest.title);
    setConflict(null);
    save.reset();
  };

  const backToMine = () => {
    if (!aside || !canvas.current) return;
    canvas.current.load(aside);
    setAside(null);
  };

  const restored = (next: Whiteboard) => {
    canvas.current?.load(next.scene);
    canvas.current?.markSaved();
    setVersion(next.version);
    setTitle(next.title);
    setSavedTitle(next.title);
    historyDrawer.close();
    notifications.show({ color: 'indigo', title: 'Version restored', message: `It is now version ${next.version}.` });
  };

  const busy = exporting || mutation.isPending;
  const otherError = mutation.error && !whiteboardConflictOf(mutation.error) ? mutation.error : null;

  return (
    <Stack gap="sm">
      {guard.prompt}
      <PageTitle title={`${board ? board.title : 'New whiteboard'} · ${communityName}`} />
      <Anchor component={Link} to={knowledgePaths.tab(slug)} size="sm">
        ← Knowledge
      </Anchor>
      <Title order={2} style={{ overflowWrap: 'anywhere' }}>
        {board ? `Whiteboard: ${savedTitle}` : 'New whiteboard'}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setTitleError(null);
          }}
          error={titleError}
          readOnly={!canEdit}
          style={{ flex: '1 1 16rem' }}
        />
        {canEdit && (
          <Button onClick={() => void store()} loading={busy} disabled={!ready} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            Save
          </Button>
        )}
        {board && (
          <Button variant="default" onClick={historyDrawer.open} leftSection={<IconHistory size={16} aria-hidden />}>
            History
          </Button>
        )}
        {board && (
          <CopyButton value={board.embedMarkdown}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                onClick={copy}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              >
                {copied ? 'Copied' : 'Copy embed code'}
              </Button>
            )}
          </CopyButton>
        )}
      </Group>
      <Text size="xs" c="dimmed" role="status" data-testid="whiteboard-status">
        {!canEdit
          ? 'Read only: join the community to draw here.'
          : !ready
            ? 'Loading the drawing tools…'
            : dirty
              ? 'Unsaved changes.'
              : board
                ? `Saved as version ${version}.`
                : 'Draw, give it a title, then save.'}
      </Text>
      {conflict && (
        <Alert
          styles={readableAlert}
          color="orange"
          variant="light"
          title="Someone saved a newer version while you were drawing"
          data-testid="whiteboard-conflict"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {conflict.updatedBy?.name ?? 'Someone'} saved version {conflict.version} {formatRelative(conflict.updatedAt)}. Your drawing is
              still on the canvas and has not been saved.
            </Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => void store(conflict.version)} loading={busy}>
                Save my drawing on top of theirs
              </Button>
              <Button size="xs" variant="default" onClick={() => void loadTheirs()}>
                Load theirs
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {aside && (
        <Alert color="gray" variant="light" title="Your drawing is set aside">
          <Group gap="xs">
            <Text size="sm">You are looking at their version. Your drawing is kept until you leave this page.</Text>
            <Button size="xs" variant="default" onClick={backToMine}>
              Back to my drawing
            </Button>
          </Group>
        </Alert>
      )}
      {exportError && (
        <Alert color="red" variant="light" title="Not saved">
          {exportError}
        </Alert>
      )}
      {otherError && !titleError && <ProblemAlert error={otherError} title="The whiteboard was not saved" />}
      <Box
        component="section"
        aria-label="Drawing canvas"
        h="min(72vh, 760px)"
        mih={420}
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}
        data-testid="whiteboard-canvas"
      >
        <Suspense
          fallback={
            <Center h="100%">
              <Loader role="status" aria-label="Loading the drawing tools" />
            </Center>
          }
        >
          <ExcalidrawCanvas
            scene={initialScene}
            name={title || 'Whiteboard'}
            readOnly={!canEdit}
            onReady={(handle) => {
              canvas.current = handle;
              setReady(true);
            }}
            onDirty={setCanvasDirty}
          />
        </Suspense>
      </Box>
      {board && board.embeddedIn.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Embedded in
          </Text>
          <List size="sm">
            {board.embeddedIn.map((page) => (
              <List.Item key={page.id}>
                <Anchor component={Link} to={knowledgePaths.page(slug, page.id)} size="sm">
                  {page.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {board && (
        <WhiteboardHistory
          board={board}
          version={version}
          opened={history}
          onClose={historyDrawer.close}
          canRestore={canEdit}
          onRestored={restored}
        />
      )}
    </Stack>
  );
}
