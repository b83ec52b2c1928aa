import { PAGE_KIND_LABELS, PAGE_KINDS, PAGE_TEMPLATES, REVIEW_MONTHS, templateBody } from '@guildhall/shared';
import { describe, expect, it } from 'vitest';
import { templateAction } from './templates';

const templates = PAGE_KINDS.map((kind) => ({
  kind,
  label: PAGE_KIND_LABELS[kind],
  description: PAGE_TEMPLATES[kind].description,
  headings: PAGE_TEMPLATES[kind].headings,
  body: templateBody(kind),
  reviewMonths: REVIEW_MONTHS[kind],
}));

describe('choosing a kind', () => {
  it('fills an empty body, or one that is still an untouched template, without asking', () => {
    expect(templateAction('', templates)).toBe('insert');
    expect(templateAction('  \n ', templates)).toBe('insert');
    expect(templateAction(templateBody('decision'), templates)).toBe('insert');
  });

  it('asks before replacing anything the person wrote', () => {
    expect(templateAction('We chose Postgres.', templates)).toBe('ask');
    expect(templateAction(`${templateBody('how-to')}Run the migration first.`, templates)).toBe('ask');
  });
});
