// The teams feature's door: what other features and app/ may use.

export { useCreateTeam } from './api/create-team';
export { teamsQueryKey, useTeams } from './api/get-teams';
