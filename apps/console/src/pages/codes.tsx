import type { IssuedConsoleCode } from '@bluezone/api';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../api/session.js';
import { CODE_ROLES } from '../api/types.js';
import { IssueCodeForm } from './codes/issue-code-form.js';
import { IssuedCodeCard } from './codes/issued-code.js';
import { RecentCodes } from './codes/recent-codes.js';

/** Upload codes: issue (code roles), the code just issued, the recent codes by status. */
export function CodesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [issued, setIssued] = useState<IssuedConsoleCode>();
  const canIssue = CODE_ROLES.includes(user.role);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('codes.title')}
      </Title>
      {canIssue ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <IssueCodeForm onIssued={setIssued} />
          {issued ? <IssuedCodeCard code={issued} /> : null}
        </SimpleGrid>
      ) : null}
      <RecentCodes />
    </Stack>
  );
}
