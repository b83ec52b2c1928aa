import {
  type InterestKind,
  type Page,
  PROPOSAL_EVENTS,
  type Proposal,
  type ProposalComment,
  type ProposalCommentQuery,
} from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { newId, now } from '../../platform/ids.ts';
import { renderMarkdown } from '../../platform/markdown/markdown.ts';
import type { PeopleRepository } from '../people/index.ts';
import { proposalResource } from './present.ts';
import type { ProposalsRepository } from './proposals.repository.ts';
import { closedProposal, type ProposalsService } from './proposals.service.ts';

/** Gauging interest: the three signals, toggled one by one, and the short discussion beside them. */
export class InterestService {
  constructor(
    private readonly db: DB,
    private readonly proposals: ProposalsRepository,
    private readonly service: ProposalsService,
    private readonly people: PeopleRepository,
  ) {}

  /** Gives (or re-notes) one signal. Idempotent: one signal of each kind per person. */
  async signal(actor: Actor, id: string, kind: InterestKind, note: string | undefined): Promise<Proposal> {
    const person = requirePerson(actor);
    const row = await this.service.load(person, id);
    authorize(person, 'proposal.signal', proposalResource(row, person));
    await this.db.transaction().execute(async (tx) => {
      // Checked inside the write, so a launch that commits first wins and this answers 409.
      if ((await this.proposals.find(id, tx))?.status !== 'open') throw closedProposal();
      await this.proposals.setInterest(id, person.personId, kind, note || null, now(), tx);
    });
    await this.service.announce(PROPOSAL_EVENTS.interest, id);
    return this.service.get(person, id);
  }

  async unsignal(actor: Actor, id: string, kind: InterestKind): Promise<Proposal> {
    const person = requirePerson(actor);
    const row = await this.service.load(person, id);
    authorize(person, 'proposal.signal', proposalResource(row, person));
    await this.db.transaction().execute(async (tx) => {
      if ((await this.proposals.find(id, tx))?.status !== 'open') throw closedProposal();
      await this.proposals.removeInterest(id, person.personId, kind, tx);
    });
    await this.service.announce(PROPOSAL_EVENTS.interest, id);
    return this.service.get(person, id);
  }

  async comments(actor: Actor, id: string, query: ProposalCommentQuery): Promise<Page<ProposalComment>> {
    const person = requirePerson(actor);
    await this.service.load(person, id);
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const rows = await this.proposals.comments(id, after, query.limit);
    const authors = await this.people.summaries([...new Set(rows.map((r) => r.author_id))]);
    const page = pageFrom(
      rows,
      query.limit,
      (r) => r,
      (r) => [r.created_at, r.id],
    );
    return {
      items: page.items.flatMap((r) => {
        const author = authors.get(r.author_id);
        return author ? [{ id: r.id, author, body: r.body, bodyHtml: r.body_html, createdAt: r.created_at }] : [];
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** The discussion belongs to the proposal while it gathers interest; after launch it moves to the community. */
  async comment(actor: Actor, id: string, body: string): Promise<ProposalComment> {
    const person = requirePerson(actor);
    const row = await this.service.load(person, id);
    authorize(person, 'proposal.comment', proposalResource(row, person));
    // Rendered before the transaction opens, never holding SQLite's write lock.
    const html = renderMarkdown(body);
    const comment = { id: newId(), proposal_id: id, author_id: person.personId, body, body_html: html, created_at: now() };
    await this.db.transaction().execute(async (tx) => {
      if ((await this.proposals.find(id, tx))?.status !== 'open') throw closedProposal();
      await this.proposals.insertComment(comment, tx);
    });
    await this.service.announce(PROPOSAL_EVENTS.commented, id);
    const author = (await this.people.summaries([person.personId])).get(person.personId);
    if (!author) throw new Error('the commenting person vanished');
    return { id: comment.id, author, body, bodyHtml: html, createdAt: comment.created_at };
  }
}
