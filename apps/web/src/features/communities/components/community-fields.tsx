import { CADENCE_LABELS, CADENCES, CATEGORIES, CATEGORY_LABELS, type Cadence, type Category, type Visibility } from '@guildhall/shared';
import { Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import type { FieldErrors } from '@/lib/form';
import { CATEGORY_HINTS } from './labels';

export type CommunityValues = {
  name: string;
  domain: string;
  category: Category;
  cadence: Cadence;
  visibility: Visibility;
};

type Props = {
  values: CommunityValues;
  errors: FieldErrors;
  onChange: <K extends keyof CommunityValues>(key: K, value: CommunityValues[K]) => void;
  /** Rendered right after the name, where the address belongs (create only). */
  slugField?: React.ReactNode;
};

/** The fields a community is created and edited with. */
export function CommunityFields({ values, errors, onChange, slugField }: Props) {
  return (
    <Stack gap="lg">
      <TextInput
        label="Name"
        description="What people will call it, e.g. Kubernetes Observability."
        required
        maxLength={80}
        value={values.name}
        onChange={(e) => onChange('name', e.currentTarget.value)}
        error={errors.name}
      />
      {slugField}
      <Textarea
        label="Domain"
        description="In a sentence or two: what this community is about and who it is for."
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={1000}
        value={values.domain}
        onChange={(e) => onChange('domain', e.currentTarget.value)}
        error={errors.domain}
      />
      <Radio.Group<Category>
        label="Category"
        required
        value={values.category}
        onChange={(value) => onChange('category', value)}
        error={errors.category}
      >
        <Stack gap="sm" mt="xs">
          {CATEGORIES.map((c) => (
            <Radio key={c} value={c} label={CATEGORY_LABELS[c]} description={CATEGORY_HINTS[c]} />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group<Cadence>
        label="Cadence"
        description="How often the community meets. A steady rhythm matters more than a frequent one."
        required
        value={values.cadence}
        onChange={(value) => onChange('cadence', value)}
        error={errors.cadence}
      >
        <Group gap="lg" mt="xs">
          {CADENCES.map((c) => (
            <Radio key={c} value={c} label={CADENCE_LABELS[c]} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group<Visibility>
        label="Visibility"
        required
        value={values.visibility}
        onChange={(value) => onChange('visibility', value)}
        error={errors.visibility}
      >
        <Stack gap="sm" mt="xs">
          <Radio value="open" label="Open" description="Anyone in the organisation can find it and join." />
          <Radio
            value="private"
            label="Private"
            description="Hidden from everyone but its members; people join by invitation or an approved request."
          />
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
