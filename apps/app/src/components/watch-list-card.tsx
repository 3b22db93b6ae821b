import { MAX_ADDED_PROVINCES, type WatchList } from '@bluezone/device';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../runtime/app-context.js';
import { areaName } from '../runtime/areas.js';
import { useProvinces } from '../runtime/use-provinces.js';
import { SettingSwitch, SettingsCard } from './settings-card.js';

/**
 * Settings: the provinces whose keys this phone downloads — home (first run), added ones, or "all of
 * Viet Nam". Added ones are backfilled (14 days) at the next check; removed ones are forgotten.
 */
export function WatchListCard() {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const provinces = useProvinces();
  const [list, setList] = useState<WatchList>();
  useEffect(() => {
    void phone.device.watchList().then(setList);
  }, [phone]);
  if (list === undefined) return null;
  const name = (code: string) => {
    const province = provinces.find((p) => p.code === code);
    return province === undefined ? code : areaName(province, i18n.language);
  };
  const save = async (next: WatchList) => {
    setList(await phone.device.setWatchList(next));
    void phone.sync();
  };
  const choices = provinces
    .filter((p) => p.code !== list.home && !list.added.includes(p.code))
    .map((p) => ({ value: p.code, label: areaName(p, i18n.language) }));
  return (
    <SettingsCard title={t('watch.title')} intro={t('watch.intro')} testId="watch-list">
      <Text mt="xs" fw={600} data-testid="watch-home">
        {list.home === undefined ? t('watch.noHome') : t('watch.home', { name: name(list.home) })}
      </Text>
      <SettingSwitch
        label={t('watch.nation')}
        description={t('watch.nationHelp')}
        checked={list.nation}
        onChange={(nation) => void save({ ...list, nation })}
      />
      {!list.nation && (
        <Stack gap="xs" mt="sm">
          {list.added.map((code) => (
            <Group key={code} justify="space-between" wrap="nowrap" data-testid="watch-added">
              <Text>{name(code)}</Text>
              <Button
                variant="subtle"
                color="red.8"
                size="compact-md"
                aria-label={t('watch.remove', { name: name(code) })}
                onClick={() => void save({ ...list, added: list.added.filter((c) => c !== code) })}
              >
                ✕
              </Button>
            </Group>
          ))}
          {list.added.length < MAX_ADDED_PROVINCES ? (
            <Select
              label={t('watch.add')}
              placeholder={t('firstRun.choose')}
              data={choices}
              value={null}
              searchable
              onChange={(code) => code !== null && void save({ ...list, added: [...list.added, code] })}
            />
          ) : (
            <Text size="sm">{t('watch.max', { count: MAX_ADDED_PROVINCES })}</Text>
          )}
        </Stack>
      )}
    </SettingsCard>
  );
}
