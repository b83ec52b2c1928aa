import { z } from 'zod';
import { Id, line } from '../common/index.ts';

export const Team = z.object({ id: Id, name: z.string(), memberCount: z.number().int() });
export type Team = z.infer<typeof Team>;

export const CreateTeamInput = z.strictObject({ name: line(80) });
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const TeamList = z.object({ items: z.array(Team) });
