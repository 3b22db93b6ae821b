import { Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
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

/** A campaign tab's "add" form: its title, the fields, the error of the last try, the add button. */
export function CampaignForm({
  id,
  title,
  submitLabel,
  onSubmit,
  change,
  canSubmit = true,
  children,
}: {
  id: string;
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  /** The create mutation: its error is shown, the button spins while it runs. */
  change: { error: unknown; isPending: boolean };
  canSubmit?: boolean;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {children}
          <ErrorAlert error={change.error} />
          <Group>
            <Button type="submit" loading={change.isPending} disabled={!canSubmit}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
