/**
 * "Similar communities and proposals", so the org does not split into duplicates: plain word
 * overlap between the topic being proposed and each candidate's name (weighing double) and
 * description. Good enough for tens or hundreds of communities; search can replace it later.
 */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from how in into is it its of on or our that the their this to we what when with without our your you us'.split(
    ' ',
  ),
);

export function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^a-z0-9+#]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    // A crude stem, so "tests" meets "test" and "pipelines" meets "pipeline".
    out.add(raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}

/** 0…1: the share of the topic's words found, names counting double. */
export function overlapScore(topic: Set<string>, name: string, description: string): number {
  if (topic.size === 0) return 0;
  const inName = words(name);
  const inText = words(description);
  let points = 0;
  for (const w of topic) points += inName.has(w) ? 2 : inText.has(w) ? 1 : 0;
  return Math.round((points / (2 * topic.size)) * 100) / 100;
}
