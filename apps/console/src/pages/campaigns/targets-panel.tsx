import { Paper } from '@mantine/core';
import { apiPath } from '../../api/adoption.js';
import { CAMPAIGN_ROUTES, useTargets } from '../../api/campaigns.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NotAvailable } from '../../components/not-available.js';
import { TargetsTable } from '../province/targets-table.js';

export function TargetsPanel() {
  const targets = useTargets();
  return (
    <Paper withBorder p="md">
      {targets.notAvailable ? (
        <NotAvailable route={apiPath(CAMPAIGN_ROUTES.targets)} />
      ) : (
        <ErrorAlert error={targets.error} />
      )}
      {targets.data ? <TargetsTable targets={targets.data.targets} /> : null}
    </Paper>
  );
}
