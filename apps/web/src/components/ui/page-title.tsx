/** React 19 hoists <title> into <head>, so each route names its own browser tab. */
export function PageTitle({ title }: { title: string }) {
  return <title>{`${title} · Guildhall`}</title>;
}
