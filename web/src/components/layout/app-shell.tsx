import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useCurrentUser } from '../../features/auth/use-session';
import { LanguageSwitch } from './language-switch';
import { NAV_ITEMS } from './nav-items';
import { MAIN_ID, SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

/** Below Mantine's `sm` (768 px, i.e. 1366 px at 200 % zoom) the sections fold into a menu behind a burger. */
const NARROW = '(max-width: 47.99em)';
const NAVBAR_ID = 'sections';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const [menuOpened, menu] = useDisclosure(false);
  const narrow = useMediaQuery(NARROW) ?? false;
  // A section chosen from the folded menu: the menu gets out of the way of the page it opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on every change of page is the point.
  useEffect(() => menu.close(), [pathname]);
  const items = NAV_ITEMS.filter((item) => item.roles.includes(user.role));
  const isActive = (href: string) =>
    href === '/' ? pathname === '/' : pathname.startsWith(href.split('/').slice(0, 2).join('/'));
  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <SkipLink />
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={menuOpened}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={menuOpened ? t('closeMenu') : t('openMenu')}
              aria-expanded={menuOpened}
              aria-controls={NAVBAR_ID}
            />
            <Text fw={700} size="lg" c="teal.8">
              {t('appName')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id={NAVBAR_ID}
        p="xs"
        component="nav"
        aria-label={t('nav.mainLabel')}
        // Folded away off-screen, its links must not be Tab stops nobody can see.
        inert={narrow && !menuOpened}
      >
        {items.map((item) =>
          item.children ? (
            // A section with several screens: the link opens its first screen and unfolds the others.
            <NavLink
              key={item.key}
              component={RouterNavLink}
              to={item.href}
              label={t(`nav.${item.key}`)}
              defaultOpened={isActive(item.href)}
              childrenOffset={12}
            >
              {item.children.map((child) => (
                <NavLink
                  key={child.key}
                  component={RouterNavLink}
                  to={child.href}
                  label={t(`nav.${child.key}`)}
                  active={pathname.startsWith(child.href)}
                  variant="filled"
                />
              ))}
            </NavLink>
          ) : (
            <NavLink
              key={item.key}
              component={RouterNavLink}
              to={item.href}
              label={t(`nav.${item.key}`)}
              active={isActive(item.href)}
              variant="filled"
            />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        {/* A screen whose strings have not arrived yet waits inside the shell (lib/i18n.ts). */}
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
