/** Where /signin should send someone back to once they are signed in. */
export function signInPath(pathname: string, search: string): string {
  const here = `${pathname}${search}`;
  return here === '/' ? '/signin' : `/signin?next=${encodeURIComponent(here)}`;
}

/** Only same-app paths, so a crafted link cannot bounce someone to another site after sign-in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
