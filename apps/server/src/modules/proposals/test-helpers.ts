import type { FastifyInstance } from 'fastify';
import { type Client, signUp } from '../../../test/harness.ts';

/** Test-only helpers for this room's API tests: each fails loudly when the API refuses. */

export async function person(app: FastifyInstance, admin: Client, name: string, profile: { team?: string; seniority?: string } = {}) {
  const client = await signUp(app, name);
  const patch: Record<string, unknown> = {};
  if (profile.team) patch.teamId = await teamId(admin, profile.team);
  if (profile.seniority) patch.seniority = profile.seniority;
  if (Object.keys(patch).length > 0) {
    const res = await client.request('PATCH', '/api/v1/me', patch);
    if (res.statusCode !== 200) throw new Error(`profile failed: ${res.body}`);
  }
  return client;
}

const teams = new WeakMap<Client, Map<string, string>>();
async function teamId(admin: Client, name: string): Promise<string> {
  const known = teams.get(admin) ?? new Map<string, string>();
  teams.set(admin, known);
  const cached = known.get(name);
  if (cached) return cached;
  const res = await admin.request('POST', '/api/v1/teams', { name });
  if (res.statusCode !== 201) throw new Error(`team failed: ${res.body}`);
  known.set(name, res.json().id);
  return res.json().id;
}

export async function propose(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client.request('POST', '/api/v1/proposals', {
    topic: 'Kubernetes observability',
    whyNow: 'Three teams moved to Kubernetes this quarter.',
    problem: 'Nobody can tell why pods restart at night.',
    category: 'new-technology',
    firstFocus: 'Alerting on pod restarts with Prometheus',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`propose failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

export async function signal(client: Client, proposalId: string, kind: 'join' | 'lead' | 'present', note?: string) {
  const res = await client.request('PUT', `/api/v1/proposals/${proposalId}/interest/${kind}`, note ? { note } : {});
  if (res.statusCode !== 200) throw new Error(`signal failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
