import type { CreatedToken } from '@guildhall/shared';
import { Paper, Stack, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useTokens } from '../api/get-tokens';
import { CreateTokenForm } from '../components/create-token-form';
import { NewTokenAlert } from '../components/new-token-alert';
import { TokenList } from '../components/token-list';

export function TokensRoute() {
  const tokens = useTokens();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts and tools use the Guildhall API as you. They cannot manage tokens themselves."
      />
      <Stack gap="lg">
        {created && <NewTokenAlert token={created} onDone={() => setCreated(null)} />}
        <Paper withBorder p="md" component="section" aria-labelledby="new-token-heading">
          <Title order={2} size="h4" id="new-token-heading" mb="sm">
            New token
          </Title>
          <CreateTokenForm onCreated={setCreated} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="tokens-heading">
          <Title order={2} size="h4" id="tokens-heading" mb="sm">
            Your tokens
          </Title>
          {tokens.isPending ? (
            <ListSkeleton rows={2} height={40} />
          ) : tokens.isError ? (
            <ErrorState error={tokens.error} title="Tokens could not be loaded" headingOrder={3} onRetry={() => void tokens.refetch()} />
          ) : tokens.data.items.length === 0 ? (
            <EmptyState
              headingOrder={3}
              icon={<IconKey aria-hidden />}
              title="No tokens yet"
              description="Create one when a script or tool needs to read or write Guildhall for you."
              testId="tokens-empty"
            />
          ) : (
            <TokenList tokens={tokens.data.items} />
          )}
        </Paper>
      </Stack>
    </>
  );
}
