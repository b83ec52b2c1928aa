import type { CreatedToken } from '@guildhall/shared';
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

/** The secret is shown this once: only its hash is stored, so it cannot be shown again. */
export function NewTokenAlert({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={`Token "${token.name}" created`}
      data-testid="new-token"
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          Copy this token now. You will not be able to see it again.
        </Text>
        <Code block data-testid="token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {token.token}
        </Code>
        <Text size="sm">
          Send it as <Code>Authorization: Bearer …</Code>. Anyone holding it can act as you, so keep it in a secret store.
        </Text>
        <Group gap="sm">
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                {copied ? 'Copied' : 'Copy token'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onDone}>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
