import { Badge, Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSuggestions } from '../api/suggest';
import { KIND_LABELS } from './kind-labels';

/**
 * The header's search box: `/` focuses it from anywhere outside a text field, titles are
 * suggested as one types (arrow keys and Enter open one), and Enter alone shows all results.
 */
export function SearchBox() {
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value, 150);
  const suggestions = useSuggestions(debounced);
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
  });
  // Mantine's hotkeys ignore keystrokes typed into inputs, textareas and editors by default.
  useHotkeys([['/', () => input.current?.focus()]]);

  const items = debounced.trim().length >= 2 ? (suggestions.data?.items ?? []) : [];
  const showAll = () => {
    const q = value.trim();
    if (!q) return;
    combobox.closeDropdown();
    input.current?.blur();
    navigate(`/search?${new URLSearchParams({ q })}`);
  };

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(url) => {
        combobox.closeDropdown();
        setValue('');
        input.current?.blur();
        navigate(url);
      }}
      width={380}
      position="bottom-end"
    >
      <Combobox.Target>
        <TextInput
          ref={input}
          type="search"
          aria-label="Search Guildhall"
          placeholder="Search"
          w={{ sm: 180, md: 240 }}
          size="xs"
          value={value}
          leftSection={<IconSearch size={14} aria-hidden />}
          rightSection={suggestions.isFetching ? <Loader size={12} /> : <Kbd size="xs">/</Kbd>}
          rightSectionPointerEvents="none"
          onChange={(event) => {
            setValue(event.currentTarget.value);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            // Enter with no suggestion highlighted searches; with one, Combobox opens it.
            if (event.key === 'Enter' && combobox.getSelectedOptionIndex() < 0) {
              event.preventDefault();
              showAll();
            }
            if (event.key === 'Escape') input.current?.blur();
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={value.trim().length < 2}>
        <Combobox.Options aria-label="Suggestions">
          {items.map((item) => (
            <Combobox.Option value={item.url} key={`${item.kind}:${item.id}`}>
              <Group gap="xs" wrap="nowrap">
                <Badge size="xs" variant="light" color={KIND_LABELS[item.kind].color} style={{ flex: 'none' }}>
                  {KIND_LABELS[item.kind].one}
                </Badge>
                <Text size="sm" truncate>
                  {item.title}
                </Text>
              </Group>
              {item.community && (
                <Text size="xs" c="dimmed" truncate>
                  in {item.community.name}
                </Text>
              )}
            </Combobox.Option>
          ))}
          {!suggestions.isFetching && debounced.trim().length >= 2 && items.length === 0 && (
            <Combobox.Empty>No titles start with that — press Enter to search everything.</Combobox.Empty>
          )}
        </Combobox.Options>
        <Combobox.Footer>
          <Text size="xs" c="dimmed">
            Enter: all results for “{value.trim()}”
          </Text>
        </Combobox.Footer>
      </Combobox.Dropdown>
    </Combobox>
  );
}
