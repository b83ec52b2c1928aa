import { SAFE_SPACE_NORMS } from '@guildhall/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { readinessOf } from './readiness.ts';
import { person, propose, signal } from './test-helpers.ts';

let t: TestApp;
let admin: Client;
let proposer: Client;

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  proposer = await person(t.app, admin, 'Priya Proposer', { team: 'Platform', seniority: 'senior' });
});
afterEach(() => t.close());

/** Four colleagues from two teams, one of them willing to lead: with the proposer, exactly the default threshold. */
async function gatherInterest(proposalId: string) {
  const colleagues = {
    lead: await person(t.app, admin, 'Lee Lead', { team: 'Payments', seniority: 'mid' }),
    a: await person(t.app, admin, 'Ann Join', { team: 'Payments', seniority: 'junior' }),
    b: await person(t.app, admin, 'Bo Join', { team: 'Platform', seniority: 'junior' }),
    c: await person(t.app, admin, 'Cy Talk', { team: 'Payments' }),
  };
  await signal(colleagues.lead, proposalId, 'lead', 'Happy to run the first sessions');
  await signal(colleagues.lead, proposalId, 'join');
  await signal(colleagues.a, proposalId, 'join');
  await signal(colleagues.b, proposalId, 'join');
  await signal(colleagues.c, proposalId, 'present', 'I can demo our dashboards');
  return colleagues;
}

describe('readiness', () => {
  const threshold = { interested: 5, leaders: 2, teams: 2 };
  it('counts the proposer as interested and leading, people once, and teams of the interested', () => {
    const r = readinessOf(
      [
        { personId: 'a', kind: 'join', teamId: 't1' },
        { personId: 'a', kind: 'lead', teamId: 't1' },
        { personId: 'b', kind: 'present', teamId: null },
      ],
      { id: 'p', teamId: 't1' },
      threshold,
    );
    expect(r).toMatchObject({ ready: false, interested: 3, leaders: 2, teams: 1 });
    expect(r.missing).toEqual([
      { what: 'interested', have: 3, need: 5 },
      { what: 'teams', have: 1, need: 2 },
    ]);
  });
});

describe('proposals', () => {
  it('gathers interest by team and seniority, toggles signals, and becomes ready at the threshold', async () => {
    const { id } = await propose(proposer);
    const fresh = (await proposer.request('GET', `/api/v1/proposals/${id}`)).json();
    expect(fresh.readiness).toMatchObject({ ready: false, interested: 1, leaders: 1, teams: 1 });
    expect(fresh.canLaunch).toBe(true);

    const { lead, a } = await gatherInterest(id);
    // Signals are idempotent and toggle: one of each kind per person.
    await signal(a, id, 'join', 'Count me in');
    await signal(a, id, 'present');
    const off = await a.request('DELETE', `/api/v1/proposals/${id}/interest/present`);
    expect(off.json().myInterest).toEqual(['join']);

    const res = await lead.request('GET', `/api/v1/proposals/${id}`);
    const proposal = res.json();
    expect(proposal.readiness).toMatchObject({ ready: true, interested: 5, leaders: 2, teams: 2, missing: [] });
    expect(proposal.myInterest.sort()).toEqual(['join', 'lead']);
    expect(proposal.canLaunch).toBe(false);
    expect(proposal.interested.find((i: { person: { id: string } }) => i.person.id === a.id)).toMatchObject({
      kinds: ['join'],
      notes: { join: 'Count me in' },
    });
    expect(proposal.byTeam).toEqual([
      { team: { id: expect.any(String), name: 'Payments' }, count: 3 },
      { team: { id: expect.any(String), name: 'Platform' }, count: 2 },
    ]);
    expect(proposal.bySeniority).toEqual(
      expect.arrayContaining([
        { seniority: 'junior', count: 2 },
        { seniority: null, count: 1 },
      ]),
    );

    const list = await a.request('GET', '/api/v1/proposals');
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('lets an admin raise the threshold, which others may read but not change', async () => {
    const { id } = await propose(proposer);
    await gatherInterest(id);
    expect((await proposer.request('PUT', '/api/v1/proposals/threshold', { interested: 6, leaders: 2, teams: 2 })).statusCode).toBe(403);
    const set = await admin.request('PUT', '/api/v1/proposals/threshold', { interested: 6, leaders: 3, teams: 2 });
    expect(set.json()).toEqual({ interested: 6, leaders: 3, teams: 2 });
    expect((await proposer.request('GET', '/api/v1/proposals/threshold')).json()).toEqual({ interested: 6, leaders: 3, teams: 2 });
    const readiness = (await proposer.request('GET', `/api/v1/proposals/${id}`)).json().readiness;
    expect(readiness).toMatchObject({
      ready: false,
      missing: [
        { what: 'interested', have: 5, need: 6 },
        { what: 'leaders', have: 2, need: 3 },
      ],
    });
    const bad = await admin.request('PUT', '/api/v1/proposals/threshold', { interested: 0, leaders: 2, teams: 2 });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to launch before the threshold, writing nothing', async () => {
    const { id } = await propose(proposer);
    const res = await proposer.request('POST', `/api/v1/proposals/${id}/launch`, { slug: 'k8s-obs' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('proposal.not_ready');
    expect(res.json().detail).toContain('1 of 5 people interested');
    expect((await proposer.request('GET', '/api/v1/communities/k8s-obs')).statusCode).toBe(404);
    expect((await proposer.request('GET', `/api/v1/proposals/${id}`)).json().status).toBe('open');
  });

  it('launches a ready proposal: coalescing, proposer facilitates, leaders are core, joiners are invited', async () => {
    const { id } = await propose(proposer);
    const { lead, a, b, c } = await gatherInterest(id);
    expect((await lead.request('POST', `/api/v1/proposals/${id}/launch`, { slug: 'k8s-obs' })).statusCode).toBe(403);

    const res = await proposer.request('POST', `/api/v1/proposals/${id}/launch`, { slug: 'k8s-obs', cadence: 'bi-weekly' });
    expect(res.statusCode, res.body).toBe(201);
    const launched = res.json();
    expect(launched.invited).toBe(3);
    expect(launched.community).toMatchObject({ slug: 'k8s-obs', name: 'Kubernetes observability', stage: 'coalescing', memberCount: 2 });
    expect(launched.proposal).toMatchObject({ status: 'launched', community: { slug: 'k8s-obs' }, canLaunch: false });

    const members = (await proposer.request('GET', '/api/v1/communities/k8s-obs/members')).json().items;
    expect(members.map((m: { person: { id: string }; role: string }) => [m.person.id, m.role]).sort()).toEqual(
      [
        [proposer.id, 'facilitator'],
        [lead.id, 'core'],
      ].sort(),
    );
    const invited = (await proposer.request('GET', '/api/v1/communities/k8s-obs/members?status=invited')).json().items;
    expect(invited.map((m: { person: { id: string } }) => m.person.id).sort()).toEqual([a.id, b.id, c.id].sort());

    // Nobody is enrolled silently: an invitee accepts with one click.
    expect((await a.request('GET', '/api/v1/communities/k8s-obs')).json().myMembership).toEqual({ role: 'member', status: 'invited' });
    expect((await a.request('POST', '/api/v1/communities/k8s-obs/members', {})).json()).toEqual({ status: 'active' });

    // The proposal's history stays readable from the community, and the charter starts from the norms.
    const history = await b.request('GET', '/api/v1/communities/k8s-obs/proposal');
    expect(history.json()).toMatchObject({ id, status: 'launched', interested: expect.any(Array) });
    const charter = (await b.request('GET', '/api/v1/communities/k8s-obs/charter')).json();
    expect(charter).toMatchObject({ version: 1, norms: SAFE_SPACE_NORMS, purpose: 'Alerting on pod restarts with Prometheus' });
    expect(charter.normsHtml).toContain('<strong>Questions are welcome.</strong>');
    const lifecycle = (await b.request('GET', '/api/v1/communities/k8s-obs/lifecycle')).json();
    expect(lifecycle.history).toMatchObject([{ from: 'potential', to: 'coalescing' }]);
  });

  it('answers 409 proposal.closed to signals, comments and launches once launched or withdrawn', async () => {
    const { id } = await propose(proposer);
    const { a } = await gatherInterest(id);
    await proposer.request('POST', `/api/v1/proposals/${id}/launch`, { slug: 'k8s-obs' });
    for (const [method, url, body] of [
      ['PUT', `/api/v1/proposals/${id}/interest/lead`, {}],
      ['DELETE', `/api/v1/proposals/${id}/interest/join`, undefined],
      ['POST', `/api/v1/proposals/${id}/comments`, { body: 'Late to the party' }],
      ['POST', `/api/v1/proposals/${id}/launch`, { slug: 'k8s-obs-2' }],
      ['POST', `/api/v1/proposals/${id}/withdraw`, undefined],
    ] as const) {
      const res = await (method === 'POST' && url.endsWith('launch') ? proposer : url.endsWith('withdraw') ? proposer : a).request(
        method,
        url,
        body,
      );
      expect(res.statusCode, url).toBe(409);
      expect(res.json().code).toBe('proposal.closed');
    }

    const other = await propose(proposer, { topic: 'Rust at work' });
    expect((await a.request('POST', `/api/v1/proposals/${other.id}/withdraw`)).statusCode).toBe(403);
    const withdrawn = await proposer.request('POST', `/api/v1/proposals/${other.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', closedAt: expect.any(String) });
    const late = await a.request('PUT', `/api/v1/proposals/${other.id}/interest/join`, {});
    expect(late.json().code).toBe('proposal.closed');
    expect((await a.request('GET', '/api/v1/proposals?status=withdrawn')).json().items).toHaveLength(1);
  });

  it('keeps a launch atomic when the address is taken', async () => {
    await createCommunity(admin, { slug: 'taken-slug' });
    const { id } = await propose(proposer);
    await gatherInterest(id);
    const res = await proposer.request('POST', `/api/v1/proposals/${id}/launch`, { slug: 'taken-slug' });
    expect(res.json().code).toBe('community.slug_taken');
    expect((await proposer.request('GET', `/api/v1/proposals/${id}`)).json().status).toBe('open');
    const rows = await t.database.db.selectFrom('membership').select('person_id').execute();
    expect(rows).toHaveLength(1);
  });

  it('holds a short discussion in sanitised Markdown', async () => {
    const { id } = await propose(proposer);
    const res = await admin.request('POST', `/api/v1/proposals/${id}/comments`, { body: '**Yes!** <script>alert(1)</script>' });
    expect(res.statusCode).toBe(201);
    expect(res.json().bodyHtml).toContain('<strong>Yes!</strong>');
    expect(res.json().bodyHtml).not.toContain('<script>');
    const list = await proposer.request('GET', `/api/v1/proposals/${id}/comments`);
    expect(list.json().items).toHaveLength(1);
    expect((await proposer.request('GET', `/api/v1/proposals/${id}`)).json().commentCount).toBe(1);
  });

  it('shows similar communities (only visible ones) and proposals while proposing', async () => {
    await createCommunity(admin, { name: 'Kubernetes operators', slug: 'k8s-ops', domain: 'Running Kubernetes clusters in production.' });
    await createCommunity(admin, {
      name: 'Kubernetes secrets',
      slug: 'k8s-secret',
      domain: 'Private Kubernetes hardening work.',
      visibility: 'private',
    });
    await createCommunity(admin, { name: 'Frontend guild', slug: 'frontend', domain: 'React, CSS and accessibility.' });
    await propose(proposer, { topic: 'Observability for Kubernetes' });
    const res = await proposer.request('GET', `/api/v1/proposals/similar?topic=${encodeURIComponent('Kubernetes observability')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().communities.map((c: { slug: string }) => c.slug)).toEqual(['k8s-ops']);
    expect(res.json().proposals.map((p: { topic: string }) => p.topic)).toEqual(['Observability for Kubernetes']);
    expect(res.body).not.toContain('k8s-secret');
    const forAdmin = await admin.request('GET', '/api/v1/proposals/similar?topic=kubernetes');
    expect(
      forAdmin
        .json()
        .communities.map((c: { slug: string }) => c.slug)
        .sort(),
    ).toEqual(['k8s-ops', 'k8s-secret']);
  });

  it('refuses bad input with field errors', async () => {
    const res = await proposer.request('POST', '/api/v1/proposals', {
      topic: 'X',
      whyNow: 'short',
      problem: 'p',
      category: 'fun',
      firstFocus: '',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['whyNow', 'problem', 'category', 'firstFocus']));
    const { id } = await propose(proposer);
    expect((await proposer.request('PUT', `/api/v1/proposals/${id}/interest/cheer`, {})).statusCode).toBe(400);
    expect((await proposer.request('GET', '/api/v1/proposals/nope')).json().code).toBe('proposal.not_found');
  });
});
