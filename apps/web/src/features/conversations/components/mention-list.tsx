import type { PersonSummary } from '@guildhall/shared';
import { Paper, Text } from '@mantine/core';
import classes from './mention-list.module.css';

type Props = {
  id: string;
  options: PersonSummary[];
  active: number;
  onHover: (index: number) => void;
  onPick: (person: PersonSummary) => void;
};

export const mentionOptionId = (listId: string, index: number) => `${listId}-option-${index}`;

/**
 * The suggestions under the editor. Focus never leaves the textarea (aria-activedescendant
 * points here, and mousedown is cancelled so a click does not steal it); keyboard users pick
 * with Enter in the textarea, so the options need no keyboard handling of their own.
 */
export function MentionList({ id, options, active, onHover, onPick }: Props) {
  return (
    <Paper withBorder shadow="sm" p={4} className={classes.list}>
      <div id={id} role="listbox" aria-label="People to mention">
        {options.map((person, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea owns the keyboard (combobox pattern)
          <div
            key={person.id}
            id={mentionOptionId(id, index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={classes.option}
            data-active={index === active || undefined}
            onMouseEnter={() => onHover(index)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(person)}
          >
            <Text size="sm" fw={500} span>
              {person.name}
            </Text>
            {(person.title || person.team) && (
              <Text size="xs" c="dimmed" span ml={6}>
                {[person.title, person.team?.name].filter(Boolean).join(' · ')}
              </Text>
            )}
          </div>
        ))}
      </div>
    </Paper>
  );
}
