import { Alert, Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../i18n/format-bytes.js';
import type { PhoneSnapshot } from '../runtime/use-snapshot.js';

/** Home screen: what the checks downloaded today and this week, the check in progress, and "waiting for Wi-Fi". */
export function DataUsedCard({ snapshot }: { snapshot: PhoneSnapshot }) {
  const { t, i18n } = useTranslation();
  const bytes = (n: number) => formatBytes(n, i18n.language);
  const { dataUsed, syncProgress: progress, lastSyncThread } = snapshot;
  const waiting = snapshot.status.waitingForWifi;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="data-used"
      data-today={dataUsed.todayBytes}
      data-sync-thread={lastSyncThread?.thread}
      data-worker-ms={lastSyncThread?.workerMs}
    >
      <Text size="sm" fw={700}>
        {t('data.title')}
      </Text>
      <SimpleGrid cols={2} mt={4}>
        <Text size="sm" data-testid="data-today">
          {t('data.today')}: <b>{bytes(dataUsed.todayBytes)}</b>
        </Text>
        <Text size="sm" data-testid="data-week">
          {t('data.week')}: <b>{bytes(dataUsed.weekBytes)}</b>
        </Text>
      </SimpleGrid>
      {progress !== undefined && (
        <Text size="sm" c="dimmed" mt={4} data-testid="sync-progress">
          {t('data.progress', { ...progress })}
        </Text>
      )}
      {waiting !== null && (
        <Alert color="yellow" mt="xs" p="xs" data-testid="waiting-for-wifi">
          {waiting.declaredBytes === null
            ? t('data.waitingForWifiUnknown', { threshold: bytes(waiting.thresholdBytes) })
            : t('data.waitingForWifi', {
                size: bytes(waiting.declaredBytes),
                threshold: bytes(waiting.thresholdBytes),
              })}
        </Alert>
      )}
    </Card>
  );
}
