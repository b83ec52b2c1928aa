import { Stack, Table, Text, Title } from '@mantine/core';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useFormatReflections } from '../api/reflections';
import { FormatBadge } from './format-badge';

const average = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** Facilitators: which formats this community finds useful, from attendees' 1–5 ratings. */
export function FormatComparison({ slug }: { slug: string }) {
  const report = useFormatReflections(slug);
  return (
    <Stack gap="sm" component="section" aria-labelledby="format-comparison-heading" data-testid="format-comparison">
      <Title order={3} size="h4" id="format-comparison-heading">
        Which formats work here
      </Title>
      <Text size="sm" c="dimmed">
        Average usefulness (1–5) from attendees’ reflections, per format. Only facilitators see this.
      </Text>
      {report.isPending ? (
        <ListSkeleton rows={2} height={40} />
      ) : report.isError ? (
        <ErrorState error={report.error} title="Reflections could not be loaded" onRetry={() => void report.refetch()} />
      ) : report.data.formats.length === 0 ? (
        <EmptyState headingOrder={4} title="No reflections yet" description="After a session, attendees can say how useful it was." />
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Format</Table.Th>
                <Table.Th scope="col">Sessions</Table.Th>
                <Table.Th scope="col">Reflections</Table.Th>
                <Table.Th scope="col">Average usefulness</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.formats.map((f) => (
                <Table.Tr key={f.format} data-testid={`format-row-${f.format}`}>
                  <Table.Th scope="row" fw="normal">
                    <FormatBadge format={f.format} />
                  </Table.Th>
                  <Table.Td>{f.sessions}</Table.Td>
                  <Table.Td>{f.count}</Table.Td>
                  <Table.Td>{average(f.averageRating)} / 5</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
