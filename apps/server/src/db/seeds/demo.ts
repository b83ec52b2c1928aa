import { hashPassword } from '../../platform/auth/passwords.ts';
import { newId } from '../../platform/ids.ts';
import type { Database } from '../database.ts';

/**
 * A small, believable organisation so a newcomer sees a living product: five teams, thirty
 * people of mixed seniority and four communities at different stages. Written only into an
 * empty database; every account shares DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = 'guildhall-demo';
export const DEMO_ADMIN_EMAIL = 'ada.lovelace@example.com';

const TEAMS = ['Platform', 'Payments', 'Mobile', 'Data', 'Identity'] as const;
type TeamName = (typeof TEAMS)[number];

// name, team, title, seniority, skills
const PEOPLE: [string, TeamName, string, string, string[]][] = [
  ['Ada Lovelace', 'Platform', 'Engineering Manager', 'staff+', ['Leadership', 'Kubernetes']],
  ['Grace Hopper', 'Platform', 'Principal Engineer', 'staff+', ['Kubernetes', 'Observability', 'Go']],
  ['Linus Nakamura', 'Platform', 'Site Reliability Engineer', 'senior', ['Prometheus', 'Grafana', 'Kubernetes']],
  ['Priya Raman', 'Platform', 'Software Engineer', 'mid', ['Terraform', 'AWS Lambda']],
  ['Tomás Ortega', 'Platform', 'Software Engineer', 'junior', ['OpenTelemetry', 'Go']],
  ['Mei Chen', 'Platform', 'SRE', 'mid', ['Incident response', 'Kubernetes']],
  ['Olu Adeyemi', 'Payments', 'Engineering Manager', 'staff+', ['Payments', 'Leadership']],
  ['Sofia Rossi', 'Payments', 'Senior Engineer', 'senior', ['Java', 'Performance tuning', 'JVM']],
  ['Jonas Berg', 'Payments', 'Software Engineer', 'mid', ['PostgreSQL', 'Query optimisation']],
  ['Amara Okafor', 'Payments', 'Security Engineer', 'senior', ['Threat modelling', 'OWASP']],
  ['Lucas Martin', 'Payments', 'Software Engineer', 'junior', ['TypeScript', 'Testing']],
  ['Hana Sato', 'Payments', 'QA Engineer', 'mid', ['Load testing', 'k6']],
  ['Ravi Patel', 'Mobile', 'Staff Engineer', 'staff+', ['Swift', 'Performance tuning']],
  ['Elena Petrova', 'Mobile', 'Senior Engineer', 'senior', ['Kotlin', 'Android']],
  ['Noah Williams', 'Mobile', 'Software Engineer', 'mid', ['React Native', 'TypeScript']],
  ['Zara Ahmed', 'Mobile', 'Software Engineer', 'junior', ['Swift', 'Accessibility']],
  ['Kenji Watanabe', 'Mobile', 'QA Engineer', 'mid', ['Test automation']],
  ['Fatima Zahra', 'Mobile', 'Software Engineer', 'junior', ['Kotlin']],
  ['Isabel García', 'Data', 'Data Engineer', 'senior', ['Spark', 'Serverless', 'AWS Lambda']],
  ['Daniel Kim', 'Data', 'Analytics Engineer', 'mid', ['dbt', 'SQL']],
  ['Chloé Dubois', 'Data', 'ML Engineer', 'senior', ['Python', 'Feature stores']],
  ['Samuel Osei', 'Data', 'Data Engineer', 'junior', ['Airflow', 'Python']],
  ['Anya Volkova', 'Data', 'Engineering Manager', 'staff+', ['Data platforms', 'Leadership']],
  ['Marcus Johnson', 'Data', 'Software Engineer', 'mid', ['Kafka', 'Event-driven design']],
  ['Leila Haddad', 'Identity', 'Security Engineer', 'staff+', ['OAuth', 'Threat modelling', 'Cryptography']],
  ['Oscar Lindqvist', 'Identity', 'Senior Engineer', 'senior', ['Go', 'OAuth']],
  ['Yuki Tanaka', 'Identity', 'Software Engineer', 'mid', ['Rust', 'WebAuthn']],
  ['Ben Carter', 'Identity', 'Software Engineer', 'junior', ['TypeScript', 'Security testing']],
  ['Nadia Rahman', 'Identity', 'SRE', 'mid', ['Observability', 'Incident response']],
  ['Pedro Alves', 'Identity', 'Software Engineer', 'junior', ['Node.js', 'Serverless']],
];

type Seat = [string, 'facilitator' | 'core' | 'member'];
const COMMUNITIES: {
  name: string;
  slug: string;
  domain: string;
  category: string;
  cadence: string;
  visibility: 'open' | 'private';
  stage: string;
  seats: Seat[];
}[] = [
  {
    name: 'Kubernetes Observability',
    slug: 'kubernetes-observability',
    domain:
      'Getting better at monitoring and troubleshooting our Kubernetes deployments: metrics, logs, traces and the alerts that wake us up.',
    category: 'new-technology',
    cadence: 'bi-weekly',
    visibility: 'open',
    stage: 'maturing',
    seats: [
      ['Grace Hopper', 'facilitator'],
      ['Linus Nakamura', 'core'],
      ['Mei Chen', 'core'],
      ['Nadia Rahman', 'core'],
      ['Tomás Ortega', 'core'],
      ['Hana Sato', 'core'],
      ['Priya Raman', 'member'],
      ['Oscar Lindqvist', 'member'],
      ['Marcus Johnson', 'member'],
      ['Ada Lovelace', 'member'],
      ['Kenji Watanabe', 'member'],
    ],
  },
  {
    name: 'Performance Optimization',
    slug: 'performance-optimization',
    domain:
      'Finding and fixing performance bottlenecks together, from JVM pauses to slow queries to janky mobile screens, instead of each team debugging alone.',
    category: 'recurring-struggle',
    cadence: 'monthly',
    visibility: 'open',
    stage: 'coalescing',
    seats: [
      ['Sofia Rossi', 'facilitator'],
      ['Ravi Patel', 'core'],
      ['Jonas Berg', 'core'],
      ['Zara Ahmed', 'core'],
      ['Hana Sato', 'member'],
      ['Daniel Kim', 'member'],
      ['Elena Petrova', 'member'],
      ['Lucas Martin', 'member'],
    ],
  },
  {
    name: 'Security Best Practices',
    slug: 'security-best-practices',
    domain:
      'Shared practice for secure design and review: threat modelling, dependency hygiene, secrets and incident lessons we cannot discuss in the open.',
    category: 'cross-cutting-concern',
    cadence: 'monthly',
    visibility: 'private',
    stage: 'maturing',
    seats: [
      ['Leila Haddad', 'facilitator'],
      ['Amara Okafor', 'facilitator'],
      ['Oscar Lindqvist', 'core'],
      ['Ben Carter', 'core'],
      ['Yuki Tanaka', 'core'],
      ['Sofia Rossi', 'member'],
      ['Ada Lovelace', 'member'],
    ],
  },
  {
    name: 'Serverless Architecture',
    slug: 'serverless-architecture',
    domain: 'Learning when serverless fits, how to build, test and observe functions, and what it costs at our scale.',
    category: 'new-technology',
    cadence: 'bi-weekly',
    visibility: 'open',
    stage: 'coalescing',
    seats: [
      ['Isabel García', 'facilitator'],
      ['Priya Raman', 'core'],
      ['Pedro Alves', 'core'],
      ['Samuel Osei', 'member'],
      ['Noah Williams', 'member'],
    ],
  },
];

const emailOf = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@example.com`;

/** Seeds the demo organisation; answers false (and writes nothing) if anyone has signed up. */
export async function seedDemo(database: Database): Promise<boolean> {
  const { db } = database;
  const existing = await db.selectFrom('person').select('id').limit(1).execute();
  if (existing.length > 0) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Stagger creation times so "newest" orderings look natural.
  const start = Date.now() - 90 * 24 * 3600 * 1000;
  const at = (i: number) => new Date(start + i * 3600 * 1000).toISOString();

  await db.transaction().execute(async (tx) => {
    const teamIds = new Map<TeamName, string>(TEAMS.map((name) => [name, newId()]));
    await tx
      .insertInto('team')
      .values(TEAMS.map((name, i) => ({ id: teamIds.get(name) as string, name, created_at: at(i) })))
      .execute();

    const personIds = new Map<string, string>();
    for (const [i, [name, team, title, seniority, skills]] of PEOPLE.entries()) {
      const id = newId();
      personIds.set(name, id);
      await tx
        .insertInto('person')
        .values({
          id,
          email: emailOf(name),
          password_hash: passwordHash,
          name,
          team_id: teamIds.get(team) ?? null,
          title,
          seniority,
          bio: null,
          org_role: i === 0 ? 'admin' : 'member',
          created_at: at(10 + i),
        })
        .execute();
      await tx
        .insertInto('person_skill')
        .values(skills.map((skill) => ({ person_id: id, skill })))
        .execute();
    }
    await tx
      .insertInto('org_setting')
      .values({ key: 'first_admin', value: personIds.get(PEOPLE[0]?.[0] ?? '') ?? '' })
      .execute();

    for (const [i, c] of COMMUNITIES.entries()) {
      const id = newId();
      const facilitator = personIds.get(c.seats[0]?.[0] ?? '') as string;
      await tx
        .insertInto('community')
        .values({
          id,
          slug: c.slug,
          name: c.name,
          domain: c.domain,
          category: c.category,
          cadence: c.cadence,
          visibility: c.visibility,
          stage: c.stage,
          created_by: facilitator,
          created_at: at(50 + i),
          updated_at: at(50 + i),
          version: 1,
        })
        .execute();
      await tx
        .insertInto('membership')
        .values(
          c.seats.map(([name, role], j) => ({
            community_id: id,
            person_id: personIds.get(name) as string,
            role,
            status: 'active' as const,
            created_at: at(60 + i * 20 + j),
          })),
        )
        .execute();
    }
  });
  return true;
}
