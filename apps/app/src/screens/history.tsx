import { unixSeconds, utcDayOfSeconds } from '@bluezone/protocol';
import { Card, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/index.js';
import { usePhone } from '../runtime/app-context.js';
import { contactHistory, type HistoryDay } from '../runtime/contact-history.js';

/** Per day, 14 days: distinct phones nearby and very close (estimated, not inflated by rotation). */
export function HistoryScreen() {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const [days, setDays] = useState<HistoryDay[]>();
  useEffect(() => {
    const load = () => {
      const today = utcDayOfSeconds(unixSeconds(Math.floor(phone.clock.nowMs() / 1000)));
      const { device } = phone;
      void contactHistory(phone.store, today, device.calibration.rssiCorrection, device.risk).then(setDays);
    };
    load();
    const timer = setInterval(load, 10_000);
    return () => clearInterval(timer);
  }, [phone]);
  const most = Math.max(1, ...(days ?? []).map((d) => d.near));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('history.title')}
      </Title>
      <Text>{t('history.intro')}</Text>
      <Card withBorder padding="xs">
        <Table striped verticalSpacing="xs" fz="md" data-testid="history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('history.date')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('history.near')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('history.close')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(days ?? []).map((day, i) => (
              <Table.Tr key={day.date}>
                <Table.Th scope="row" fw={i === 0 ? 700 : 400}>
                  {i === 0 ? t('history.today') : formatDate(day.date, i18n.language)}
                  <Progress value={(day.near / most) * 100} size="xs" mt={4} aria-hidden />
                </Table.Th>
                <Table.Td ta="right">{day.near}</Table.Td>
                <Table.Td ta="right" fw={day.close > 0 ? 700 : 400}>
                  {day.close}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
