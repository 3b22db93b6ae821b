import { Anchor, Group, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/adoption.js';
import { RowDangerButton } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NotAvailable } from '../../components/not-available.js';
import { useCanEditCampaigns } from './scope.js';

/**
 * A campaign tab (targets, organisations, links): the form to add one for those who may, then the
 * list, or "not available yet" when the server has no such route, or the error of loading or deleting.
 */
export function CampaignPanel({
  route,
  notAvailable,
  error,
  form,
  children,
}: {
  /** The list's route under /console/api, named when it is not available. */
  route: string;
  notAvailable: boolean;
  error: unknown;
  form: ReactNode;
  children: ReactNode;
}) {
  const canEdit = useCanEditCampaigns();
  return (
    <Stack>
      {canEdit && !notAvailable ? form : null}
      <Paper withBorder p="md">
        {notAvailable ? <NotAvailable route={apiPath(route)} /> : <ErrorAlert error={error} />}
        {children}
      </Paper>
    </Stack>
  );
}

/** A campaign row's actions: `children` first, the poster PDF, and delete for those who may. */
export function CampaignActions({
  posterUrl,
  onDelete,
  children,
}: {
  posterUrl: string;
  onDelete: (() => void) | undefined;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {children}
      <Anchor href={posterUrl} download size="sm">
        {t('campaigns.posterPdf')}
      </Anchor>
      {onDelete ? <RowDangerButton onClick={onDelete}>{t('common.delete')}</RowDangerButton> : null}
    </Group>
  );
}
