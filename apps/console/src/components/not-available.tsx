import { Alert, Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a page shows where the server has no route for its data yet: never made-up figures. */
export function NotAvailable({ route }: { route: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={t('common.notAvailableTitle')} data-testid="not-available">
      {t('common.notAvailable')} <Code>{route}</Code>
    </Alert>
  );
}
