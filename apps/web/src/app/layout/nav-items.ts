export type NavItem = { to: string; label: string; end?: boolean };

export function navItems(isAdmin: boolean): NavItem[] {
  return [
    { to: '/', label: 'Home', end: true },
    { to: '/communities', label: 'Communities' },
    { to: '/mentions', label: 'Mentions' },
    { to: '/proposals', label: 'Proposals' },
    { to: '/people', label: 'People' },
    { to: '/profile', label: 'Profile' },
    { to: '/settings/tokens', label: 'Tokens' },
    ...(isAdmin ? [{ to: '/admin', label: 'Admin' }] : []),
  ];
}
