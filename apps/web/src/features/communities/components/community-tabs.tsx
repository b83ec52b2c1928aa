import type { Community } from '@guildhall/shared';
import { NavLink } from 'react-router';
import classes from './community-tabs.module.css';

type Tab = { path: string; label: string; end?: boolean; show?: (community: Community) => boolean };

/**
 * The community's sections, one per feature room; each tab is a nested route of
 * /communities/:slug, so a section has its own address to share and to come back to.
 */
const TABS: Tab[] = [
  { path: '', label: 'Overview', end: true },
  { path: 'threads', label: 'Threads' },
  { path: 'events', label: 'Events' },
  { path: 'knowledge', label: 'Knowledge' },
  // Core-group health is the facilitators' working view.
  { path: 'health', label: 'Health', show: (community) => community.canManage },
];

export function CommunityTabs({ community }: { community: Community }) {
  const base = `/communities/${community.slug}`;
  return (
    <nav aria-label="Community sections" className={classes.tabs}>
      {TABS.filter((tab) => tab.show?.(community) ?? true).map((tab) => (
        <NavLink key={tab.label} to={tab.path ? `${base}/${tab.path}` : base} end={tab.end} className={classes.tab}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
