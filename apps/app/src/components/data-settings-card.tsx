import type { DataSettings } from '@bluezone/device';
import { Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../i18n/format-bytes.js';
import { browserConnection } from '../platform/browser-ports.js';
import { usePhone } from '../runtime/app-context.js';
import { SettingSwitch, SettingsCard } from './settings-card.js';

const THRESHOLDS = [1, 2, 5, 10, 20].map((mb) => mb * 1024 * 1024);

/** Settings: "download large files on Wi-Fi only" and the most a check may download on mobile data. */
export function DataSettingsCard() {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const [settings, setSettings] = useState<DataSettings>();
  useEffect(() => {
    void phone.device.dataSettings().then(setSettings);
  }, [phone]);
  if (settings === undefined) return null;
  const save = async (next: DataSettings) => {
    await phone.device.setDataSettings(next);
    setSettings(next);
  };
  const thresholds = [...new Set([...THRESHOLDS, settings.thresholdBytes])].sort((a, b) => a - b);
  return (
    <SettingsCard title={t('data.title')} testId="data-settings">
      <SettingSwitch
        label={t('data.wifiOnly')}
        description={t('data.wifiOnlyHelp')}
        checked={settings.wifiOnly}
        onChange={(wifiOnly) => void save({ ...settings, wifiOnly })}
      />
      {settings.wifiOnly && (
        <Select
          mt="sm"
          label={t('data.threshold')}
          data={thresholds.map((n) => ({ value: String(n), label: formatBytes(n, i18n.language) }))}
          value={String(settings.thresholdBytes)}
          allowDeselect={false}
          onChange={(value) => value !== null && void save({ ...settings, thresholdBytes: Number(value) })}
        />
      )}
      {browserConnection() === 'unknown' && (
        <Text mt="xs" size="sm" c="dimmed" data-testid="network-unknown">
          {t('data.unknownNetwork')}
        </Text>
      )}
    </SettingsCard>
  );
}
