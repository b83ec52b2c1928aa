import { PAGE_KIND_LABELS, PAGE_KINDS, type PageKind } from '@guildhall/shared';
import { Button, Group, Modal, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTemplates } from '../api/get-templates';
import { templateAction } from '../lib/templates';

type Props = {
  kind: PageKind | null;
  body: string;
  onKind: (kind: PageKind) => void;
  /** Replaces the body with a template's headings. */
  onTemplate: (body: string) => void;
  error?: string;
};

const DATA = PAGE_KINDS.map((k) => ({ value: k, label: PAGE_KIND_LABELS[k] }));

/**
 * The page's kind, which is also its template picker: a short set of headings (GET
 * /knowledge/templates) fills an empty body; over written text it asks first.
 */
export function KindField({ kind, body, onKind, onTemplate, error }: Props) {
  const templates = useTemplates();
  const [pending, setPending] = useState<PageKind | null>(null);
  const list = templates.data?.templates ?? [];
  const current = list.find((t) => t.kind === kind);
  const proposed = list.find((t) => t.kind === pending);

  const choose = (value: string | null) => {
    if (!value || value === kind) return;
    const next = value as PageKind;
    onKind(next);
    const template = list.find((t) => t.kind === next);
    if (!template) return;
    if (templateAction(body, list) === 'insert') onTemplate(template.body);
    else setPending(next);
  };

  return (
    <>
      <Select
        label="Kind"
        description={
          current
            ? `${current.description} Review every ${current.reviewMonths} months.`
            : 'What sort of page this is; each kind brings a short template of headings.'
        }
        placeholder="Choose a kind"
        data={DATA}
        value={kind}
        onChange={choose}
        allowDeselect={false}
        required
        error={error}
        data-testid="kind-select"
      />
      <Modal opened={proposed !== undefined} onClose={() => setPending(null)} title={`Use the ${proposed?.label ?? ''} template?`}>
        {proposed && (
          <>
            <Text size="sm">The page already has text. The template would replace it with these headings:</Text>
            <Text size="sm" fw={600} mt="xs">
              {proposed.headings.join(' · ')}
            </Text>
            <Group justify="flex-end" gap="sm" mt="md">
              <Button variant="default" onClick={() => setPending(null)} data-autofocus>
                Keep my text
              </Button>
              <Button
                onClick={() => {
                  onTemplate(proposed.body);
                  setPending(null);
                }}
              >
                Replace with the template
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </>
  );
}
