import type {
  CreateWhiteboardInput,
  ExcalidrawScene,
  Page,
  PersonSummary,
  RestoreRevisionInput,
  SaveWhiteboardInput,
  Whiteboard,
  WhiteboardListQuery,
  WhiteboardRevision,
  WhiteboardRevisionSummary,
  WhiteboardSummary,
} from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { newId, now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { PeopleRepository } from '../people/index.ts';
import { knowledgeEvent } from './knowledge.events.ts';
import { paths, withoutNul } from './naming.ts';
import { communityResource, type KnowledgeAccess, type LoadedWhiteboard, readerIn } from './page-access.ts';
import type { PageRenderer } from './page-renderer.ts';
import type { PagesRepository } from './pages.repository.ts';
import { pageRef, shows } from './present.ts';
import { EMPTY_SCENE, previewSvg, sceneJson } from './scene.ts';
import type { WhiteboardsRepository } from './whiteboards.repository.ts';

class StaleVersion extends Error {}
const noRevision = () => notFound('revision.not_found', 'This whiteboard has no such revision.');

/** Whiteboards: Excalidraw scenes of a community, saved with revisions, embedded in pages by id. */
export class WhiteboardsService {
  constructor(
    private readonly db: DB,
    private readonly access: KnowledgeAccess,
    private readonly boards: WhiteboardsRepository,
    private readonly pages: PagesRepository,
    private readonly renderer: PageRenderer,
    private readonly people: PeopleRepository,
    private readonly announcer: EventSender,
  ) {}

  async list(actor: Actor, slug: string, query: WhiteboardListQuery): Promise<Page<WhiteboardSummary>> {
    const { community } = await this.access.community(actor, slug);
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const rows = await this.boards.list(community.id, after, query.limit);
    const page = pageFrom(
      rows,
      query.limit,
      (r) => r,
      (r) => [r.updated_at, r.id],
    );
    const people = await this.people.summaries(rows.flatMap((r) => [r.created_by, r.updated_by].filter((id): id is string => !!id)));
    return { items: page.items.map((r) => this.summary(r, people)), nextCursor: page.nextCursor };
  }

  async create(actor: Actor, slug: string, input: CreateWhiteboardInput): Promise<Whiteboard> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'whiteboard.edit', communityResource(community));
    const scene = sceneJson(input.scene ?? EMPTY_SCENE);
    const preview = previewSvg(input.previewSvg);
    const id = newId();
    const at = now();
    await this.db.transaction().execute(async (tx) => {
      await this.boards.insert(
        {
          id,
          community_id: community.id,
          title: withoutNul(input.title),
          scene,
          preview_svg: preview,
          version: 1,
          created_by: person.personId,
          created_at: at,
          updated_by: person.personId,
          updated_at: at,
        },
        tx,
      );
      await this.boards.insertRevision(
        {
          whiteboard_id: id,
          version: 1,
          title: withoutNul(input.title),
          scene,
          preview_svg: preview,
          summary: input.summary ? withoutNul(input.summary) : null,
          author_id: person.personId,
          created_at: at,
        },
        tx,
      );
    });
    await this.announcer.send([knowledgeEvent('whiteboard.changed', community.id, { whiteboardId: id, version: 1 })]);
    return this.get(person, id);
  }

  async get(actor: Actor, id: string): Promise<Whiteboard> {
    const { person, board, resource } = await this.access.whiteboard(actor, id);
    const scene = JSON.parse((await this.boards.scene(board.id)) ?? '{}') as ExcalidrawScene;
    const people = await this.people.summaries([board.created_by, board.updated_by].filter((p): p is string => !!p));
    const reader = readerIn(person, board.membership);
    const embeddedIn = (await this.pages.embedding(board.id)).filter((p) => shows(reader, p)).map(pageRef);
    return {
      ...this.summary(board, people),
      community: { id: board.community_id, slug: board.community_slug, name: board.community_name },
      scene,
      embeddedIn,
      embedMarkdown: `![[whiteboard:${board.id}]]`,
      canEdit: can(person, 'whiteboard.edit', resource),
      canDelete: can(person, 'whiteboard.delete', resource),
    };
  }

  async save(actor: Actor, id: string, input: SaveWhiteboardInput): Promise<Whiteboard> {
    const { person, board, resource } = await this.access.whiteboard(actor, id);
    authorize(person, 'whiteboard.edit', resource);
    const scene = sceneJson(input.scene);
    // A preview that was not sent no longer matches the scene: it is dropped, not kept.
    const preview = previewSvg(input.previewSvg);
    return this.apply(person, board, input.version, {
      title: input.title ? withoutNul(input.title) : board.title,
      scene,
      preview,
      summary: input.summary ? withoutNul(input.summary) : null,
    });
  }

  async restore(actor: Actor, id: string, version: number, input: RestoreRevisionInput): Promise<Whiteboard> {
    const { person, board, resource } = await this.access.whiteboard(actor, id);
    authorize(person, 'whiteboard.edit', resource);
    const revision = await this.boards.revision(board.id, version);
    if (!revision) throw noRevision();
    return this.apply(person, board, input.version, {
      title: revision.title,
      scene: revision.scene,
      preview: revision.preview_svg,
      summary: input.summary ? withoutNul(input.summary) : `Restored version ${version}`,
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const { person, board, resource } = await this.access.whiteboard(actor, id);
    authorize(person, 'whiteboard.delete', resource);
    const community = { id: board.community_id, slug: board.community_slug };
    await this.db.transaction().execute(async (tx) => {
      const embedding = await this.pages.embedding(board.id, tx);
      await this.boards.delete(board.id, tx);
      // Pages that showed it now say it is gone.
      await this.renderer.rerender(community, embedding, tx);
    });
    await this.announcer.send([knowledgeEvent('whiteboard.deleted', board.community_id, { whiteboardId: board.id })]);
  }

  async revisions(actor: Actor, id: string, query: WhiteboardListQuery): Promise<Page<WhiteboardRevisionSummary>> {
    const { board } = await this.access.whiteboard(actor, id);
    const after = decodeCursor(query.cursor, 1) as [number] | undefined;
    const rows = await this.boards.revisions(board.id, after?.[0], query.limit);
    const authors = await this.people.summaries(rows.flatMap((r) => (r.author_id ? [r.author_id] : [])));
    return pageFrom(
      rows,
      query.limit,
      (r) => ({
        version: r.version,
        title: r.title,
        summary: r.summary,
        author: (r.author_id && authors.get(r.author_id)) || null,
        createdAt: r.created_at,
        previewUrl: r.has_preview ? paths.whiteboardPreview(board.id, r.version) : null,
      }),
      (r) => [r.version],
    );
  }

  async revision(actor: Actor, id: string, version: number): Promise<WhiteboardRevision> {
    const { board } = await this.access.whiteboard(actor, id);
    const row = await this.boards.revision(board.id, version);
    if (!row) throw noRevision();
    const author = row.author_id ? ((await this.people.summaries([row.author_id])).get(row.author_id) ?? null) : null;
    return {
      version: row.version,
      title: row.title,
      summary: row.summary,
      author,
      createdAt: row.created_at,
      previewUrl: row.preview_svg ? paths.whiteboardPreview(board.id, row.version) : null,
      scene: JSON.parse(row.scene) as ExcalidrawScene,
    };
  }

  /** The sanitised SVG of the current version, or of one revision. */
  async preview(actor: Actor, id: string, version?: number): Promise<string> {
    const { board } = await this.access.whiteboard(actor, id);
    const svg = version === undefined ? await this.boards.preview(board.id) : (await this.boards.revision(board.id, version))?.preview_svg;
    if (!svg) throw notFound('whiteboard.no_preview', 'This whiteboard has no preview (yet).');
    return svg;
  }

  private async apply(
    person: PersonActor,
    board: LoadedWhiteboard,
    version: number,
    next: { title: string; scene: string; preview: string | null; summary: string | null },
  ): Promise<Whiteboard> {
    const at = now();
    const community = { id: board.community_id, slug: board.community_slug };
    try {
      if (version !== board.version) throw new StaleVersion();
      await this.db.transaction().execute(async (tx) => {
        const patch = {
          title: next.title,
          scene: next.scene,
          preview_svg: next.preview,
          version: version + 1,
          updated_by: person.personId,
          updated_at: at,
        };
        if (!(await this.boards.updateIfVersion(board.id, version, patch, tx))) throw new StaleVersion();
        await this.boards.insertRevision(
          {
            whiteboard_id: board.id,
            version: version + 1,
            title: next.title,
            scene: next.scene,
            preview_svg: next.preview,
            summary: next.summary,
            author_id: person.personId,
            created_at: at,
          },
          tx,
        );
        // Embeds show the whiteboard's title.
        if (next.title !== board.title) await this.renderer.rerender(community, await this.pages.embedding(board.id, tx), tx);
      });
    } catch (error) {
      if (error instanceof StaleVersion) throw await this.conflict(board.id, person);
      throw error;
    }
    await this.announcer.send([knowledgeEvent('whiteboard.changed', community.id, { whiteboardId: board.id, version: version + 1 })]);
    return this.get(person, board.id);
  }

  /** 409 `whiteboard.version_conflict`: who saved in between; the client fetches the scene to merge. */
  private async conflict(id: string, person: PersonActor): Promise<AppError> {
    const { board } = await this.access.whiteboard(person, id);
    const updatedBy = board.updated_by ? ((await this.people.summaries([board.updated_by])).get(board.updated_by) ?? null) : null;
    return new AppError(
      409,
      'whiteboard.version_conflict',
      'Someone saved this whiteboard after you opened it. Reload it to merge.',
      undefined,
      {
        current: { version: board.version, updatedAt: board.updated_at, updatedBy },
      },
    );
  }

  private summary(
    r: Pick<LoadedWhiteboard, 'id' | 'title' | 'version' | 'has_preview' | 'created_by' | 'updated_by' | 'created_at' | 'updated_at'>,
    people: Map<string, PersonSummary>,
  ): WhiteboardSummary {
    return {
      id: r.id,
      title: r.title,
      version: r.version,
      previewUrl: r.has_preview ? paths.whiteboardPreview(r.id, r.version) : null,
      createdBy: (r.created_by && people.get(r.created_by)) || null,
      updatedBy: (r.updated_by && people.get(r.updated_by)) || null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }
}
