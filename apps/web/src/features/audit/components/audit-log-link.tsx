import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The admin page's way to the audit log; the admin page shows it to org admins only. */
export function AuditLogLink() {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="audit-link-heading" data-testid="audit-panel">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4" id="audit-link-heading">
          Audit log
        </Title>
        <Text size="sm" c="dimmed">
          Every moderation and admin action — hidden posts, locked threads, membership and visibility changes — with who did it and why.
        </Text>
        <Button component={Link} to="/admin/audit" variant="default" leftSection={<IconListDetails size={16} aria-hidden />}>
          Open the audit log
        </Button>
      </Stack>
    </Paper>
  );
}
