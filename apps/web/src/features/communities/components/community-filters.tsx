import { CATEGORIES, CATEGORY_LABELS, type Category } from '@guildhall/shared';
import { Chip, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

const ALL = 'all';

type Props = {
  search: string;
  onSearchChange: (value: string) => void;
  category: Category | undefined;
  onCategoryChange: (value: Category | undefined) => void;
  mine: boolean;
  onMineChange: (value: boolean) => void;
};

export function CommunityFilters({ search, onSearchChange, category, onCategoryChange, mine, onMineChange }: Props) {
  return (
    <Stack gap="sm" role="search" aria-label="Filter communities">
      <TextInput
        label="Search communities"
        placeholder="Name or topic, e.g. observability"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => onSearchChange(e.currentTarget.value)}
        type="search"
      />
      <div role="radiogroup" aria-labelledby="category-filter-label">
        <Text id="category-filter-label" size="sm" fw={500} mb={6}>
          Category
        </Text>
        <Chip.Group<false, string>
          value={category ?? ALL}
          onChange={(value) => onCategoryChange(value === ALL ? undefined : (value as Category))}
        >
          <Group gap="xs" wrap="wrap">
            <Chip value={ALL} variant="outline">
              All
            </Chip>
            {CATEGORIES.map((c) => (
              <Chip key={c} value={c} variant="outline">
                {CATEGORY_LABELS[c]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <Switch label="Only communities I belong to" checked={mine} onChange={(e) => onMineChange(e.currentTarget.checked)} />
    </Stack>
  );
}
