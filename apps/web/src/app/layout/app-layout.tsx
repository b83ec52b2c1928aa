import { ActionIcon, AppShell, Burger, Button, Container, Group, NavLink as MantineNavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconSearch } from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { useSignOut } from '@/features/auth';
import { PersonalNotices } from '@/features/events';
import { useMe } from '@/features/people';
import { SearchBox } from '@/features/search';
import classes from './layout.module.css';
import { navItems } from './nav-items';

export function Brand() {
  return (
    <Link to="/" className={classes.brand}>
      <IconBuildingCommunity size={26} color="var(--mantine-color-indigo-8)" aria-hidden />
      Guildhall
    </Link>
  );
}

/** The signed-in frame: header navigation on wide screens, a burger menu on phones. */
export function AppLayout() {
  const [menuOpened, menu] = useDisclosure(false);
  const { data: me } = useMe();
  const location = useLocation();
  const signOut = useSignOut();
  const items = navItems(me?.orgRole === 'admin');

  // Following a link from the phone menu should reveal the page, not leave the menu over it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to navigation only
  useEffect(() => menu.close(), [location.pathname]);

  const handleSignOut = () => signOut.mutate();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'md', collapsed: { mobile: !menuOpened, desktop: true } }}
      padding="md"
    >
      <PersonalNotices />
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={menuOpened}
              onClick={menu.toggle}
              hiddenFrom="md"
              size="sm"
              aria-label="Menu"
              aria-expanded={menuOpened}
              aria-controls="mobile-navigation"
            />
            <Brand />
          </Group>
          <ActionIcon component={Link} to="/search" hiddenFrom="md" variant="subtle" size="lg" aria-label="Search">
            <IconSearch size={20} aria-hidden />
          </ActionIcon>
          <Group component="nav" aria-label="Main" visibleFrom="md" gap={4} wrap="nowrap" style={{ flex: 1 }} ml="lg">
            {items.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end} className={classes.headerLink}>
                {item.label}
              </NavLink>
            ))}
          </Group>
          <Group visibleFrom="md" gap="sm" wrap="nowrap">
            <SearchBox />
            <Text size="sm" c="dimmed" truncate maw={160} visibleFrom="lg" data-testid="signed-in-as">
              {me?.name}
            </Text>
            <Button variant="default" size="xs" onClick={handleSignOut} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      {menuOpened && (
        <AppShell.Navbar id="mobile-navigation" aria-label="Main" p="md" hiddenFrom="md">
          <Stack gap={4}>
            {items.map((item) => (
              <MantineNavLink
                key={item.to}
                component={NavLink}
                to={item.to}
                end={item.end}
                label={item.label}
                active={item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)}
                variant="light"
              />
            ))}
          </Stack>
          <Stack gap="xs" mt="xl">
            <Text size="sm" c="dimmed">
              Signed in as {me?.name}
            </Text>
            <Button variant="default" onClick={handleSignOut} loading={signOut.isPending}>
              Sign out
            </Button>
          </Stack>
        </AppShell.Navbar>
      )}

      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" px={{ base: 0, sm: 'md' }} pb="xl">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
