import type { KnowledgeTemplate } from '@guildhall/shared';

/**
 * What choosing a kind does to the body: an empty body, or one that is still exactly some
 * template (nothing written into it yet), takes the new kind's template at once; anything the
 * person wrote is only replaced if they say so.
 */
export function templateAction(body: string, templates: readonly KnowledgeTemplate[]): 'insert' | 'ask' {
  const text = body.trim();
  if (!text) return 'insert';
  return templates.some((t) => t.body.trim() === text) ? 'insert' : 'ask';
}
