import type { CheckInView } from '@bluezone/device';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkInErrorKey } from '../checkin/use-check-ins.js';
import { formatDateTime } from '../i18n/index.js';
import { usePhone } from '../runtime/app-context.js';

/** Unix seconds ⇄ the value of an `<input type="datetime-local">` (the phone's own time zone). */
function toLocalInput(seconds: number): string {
  const date = new Date(seconds * 1000);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
function fromLocalInput(value: string): number {
  return Math.floor(new Date(value).getTime() / 1000);
}

/** One check-in: venue, times, and check-out (while there), edit the times, delete. */
export function CheckInCard({ checkIn }: { checkIn: CheckInView }) {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const [editing, setEditing] = useState<{ start: string; end: string }>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string>();
  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      setEditing(undefined);
      phone.changed();
    } catch (e) {
      setError(checkInErrorKey(e));
    }
  };
  const time = (seconds: number) => formatDateTime(seconds * 1000, i18n.language);
  return (
    <Card withBorder padding="md" data-testid="check-in" data-active={checkIn.active}>
      <Group justify="space-between" wrap="nowrap" align="start">
        <Title order={2} size="h4" data-testid="check-in-venue">
          {checkIn.description}
        </Title>
        {checkIn.active && <Badge color="green">{t('checkin.active')}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">
        {checkIn.address}
      </Text>
      <Text size="sm" mt="xs">
        {t('checkin.from')}: {time(checkIn.checkInStart)}
      </Text>
      <Text size="sm">
        {checkIn.active ? t('checkin.untilPlanned') : t('checkin.until')}: {time(checkIn.checkInEnd)}
      </Text>
      {editing && (
        <Stack gap="xs" mt="sm">
          <TextInput
            type="datetime-local"
            label={t('checkin.from')}
            value={editing.start}
            onChange={(e) => setEditing({ ...editing, start: e.currentTarget.value })}
            data-testid="edit-start"
          />
          <TextInput
            type="datetime-local"
            label={t('checkin.until')}
            value={editing.end}
            onChange={(e) => setEditing({ ...editing, end: e.currentTarget.value })}
            data-testid="edit-end"
          />
          <Button
            onClick={() =>
              void act(() =>
                phone.device.checkIns.edit(checkIn.id, {
                  checkInStart: fromLocalInput(editing.start),
                  checkInEnd: fromLocalInput(editing.end),
                }),
              )
            }
          >
            {t('checkin.save')}
          </Button>
        </Stack>
      )}
      {error && (
        <Alert color="red" mt="xs" data-testid="check-in-error">
          {t(error)}
        </Alert>
      )}
      {confirmDelete ? (
        <Group mt="sm" gap="xs">
          <Text size="sm">{t('checkin.deleteConfirm')}</Text>
          <Button
            color="red"
            size="xs"
            onClick={() => void act(() => phone.device.checkIns.delete(checkIn.id))}
          >
            {t('checkin.delete')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setConfirmDelete(false)}>
            {t('checkin.cancel')}
          </Button>
        </Group>
      ) : (
        <Group mt="sm" gap="xs">
          {checkIn.active && (
            <Button size="sm" onClick={() => void act(() => phone.device.checkIns.checkOut(checkIn.id))}>
              {t('checkin.checkOut')}
            </Button>
          )}
          <Button
            size="sm"
            variant="light"
            onClick={() =>
              setEditing(
                editing
                  ? undefined
                  : { start: toLocalInput(checkIn.checkInStart), end: toLocalInput(checkIn.checkInEnd) },
              )
            }
          >
            {t('checkin.edit')}
          </Button>
          <Button size="sm" variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
            {t('checkin.delete')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
