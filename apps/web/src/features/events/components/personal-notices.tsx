import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useLiveEvents } from '@/lib/live-events';
import { occurrenceHref } from '../api/keys';

/**
 * Live updates addressed to one person (EventEvents with an audience of one): the server sends
 * them only to whom they concern, so each is news for the signed-in person wherever they are.
 */
const NOTICES = {
  'rsvp.promoted': {
    color: 'teal',
    title: 'You have a place',
    message: 'Someone dropped out or the session grew: you are off the waitlist and going.',
  },
  'talk_idea.scheduled': {
    color: 'indigo',
    title: 'Your talk idea is on an agenda',
    message: 'A facilitator scheduled it into a session.',
  },
  'agenda_slot.presenter_assigned': {
    color: 'indigo',
    title: 'You are presenting',
    message: 'A facilitator put you on a session’s agenda.',
  },
} as const;
type NoticeType = keyof typeof NOTICES;
const NOTICE_TYPES = Object.keys(NOTICES) as NoticeType[];

/**
 * Mounted once in the signed-in layout, so a promotion off the waitlist or a place on an agenda
 * is shown on any page, not only on the session's own. Renders nothing itself.
 */
export function PersonalNotices() {
  const navigate = useNavigate();
  useLiveEvents(NOTICE_TYPES, (type, data) => {
    const notice = NOTICES[type as NoticeType];
    const { eventId, key } = data as { eventId?: string; key?: string };
    if (!notice || !eventId || !key) return;
    const href = occurrenceHref(eventId, key);
    // One notice per session and kind: a second tab's or a repeated event replaces it, not stacks.
    const id = `${type}:${eventId}:${key}`;
    notifications.show({
      id,
      color: notice.color,
      title: notice.title,
      autoClose: 10_000,
      message: (
        <Text size="sm">
          {notice.message} {/* The notices live outside the router's tree, so the link navigates through the layout's hook. */}
          <Anchor
            href={href}
            onClick={(e) => {
              e.preventDefault();
              notifications.hide(id);
              navigate(href);
            }}
          >
            Open the session
          </Anchor>
        </Text>
      ),
    });
  });
  return null;
}
