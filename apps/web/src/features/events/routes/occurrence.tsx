import { useParams } from 'react-router';
import { OccurrencePage } from '../components/occurrence-page';

/** /events/:eventId/occurrences/:occurrenceKey — one session of a series. */
export function OccurrenceRoute() {
  const { eventId = '', occurrenceKey = '' } = useParams();
  return <OccurrencePage key={`${eventId}/${occurrenceKey}`} eventId={eventId} occurrenceKey={occurrenceKey} />;
}
