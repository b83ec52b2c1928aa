import { Box, Container, Group } from '@mantine/core';
import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { Brand } from './app-layout';
import classes from './layout.module.css';

/** The frame for people who are not signed in: the brand, sign-in/sign-up links, a narrow column. */
export function PublicLayout() {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Box component="header" px="md" h={60} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Brand />
          <Group component="nav" aria-label="Account" gap={4} wrap="nowrap">
            <NavLink to="/signin" className={classes.headerLink}>
              Sign in
            </NavLink>
            <NavLink to="/signup" className={classes.headerLink}>
              Sign up
            </NavLink>
          </Group>
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={440} py="xl" px="md">
        <Suspense fallback={<PageLoader lines={2} />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
