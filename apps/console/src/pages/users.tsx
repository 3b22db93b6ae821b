import type { UserView } from '@bluezone/api';
import { Badge, Button, Group, Paper, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceOf, useAreaName, useAreas } from '../api/areas.js';
import { get, post } from '../api/client.js';
import { useUser } from '../api/session.js';
import type { Role } from '../api/types.js';
import { DataTable, RowDangerButton } from '../components/data-table.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../components/format.js';

const ALL_ROLES: readonly Role[] = ['national', 'province', 'caseworker', 'analyst'];

/** Users and roles: a national administrator manages everyone, a provincial officer their province's staff. */
export function UsersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const areas = useAreas();
  const areaName = useAreaName();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<{ users: UserView[] }>('/users') });
  const disable = useMutation({
    mutationFn: (username: string) => post<UserView>(`/users/${encodeURIComponent(username)}/disable`),
    onSettled: () => client.invalidateQueries({ queryKey: ['users'] }),
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('users.title')}
      </Title>
      <NewUserForm roles={user.role === 'national' ? ALL_ROLES : ['caseworker', 'analyst']} />
      <Paper withBorder p="md" component="section" aria-labelledby="users-list">
        <Title order={2} size="h4" id="users-list" mb="sm">
          {t('users.listTitle')}
        </Title>
        <ErrorAlert error={users.error ?? disable.error} />
        <DataTable
          rows={users.data?.users ?? []}
          rowKey={(u) => u.username}
          testId="users"
          minWidth={640}
          columns={[
            { header: t('users.username'), cell: (u) => u.username },
            { header: t('users.role'), cell: (u) => t(`roles.${u.role}`) },
            {
              header: t('users.province'),
              cell: (u) => (u.province ? areaName(provinceOf(areas.data, u.province), u.province) : '–'),
            },
            {
              header: t('users.state'),
              cell: (u) => (
                <Group gap={4}>
                  {u.disabled ? (
                    <Badge color="gray">{t('users.disabled')}</Badge>
                  ) : (
                    <Badge color="green">{t('users.active')}</Badge>
                  )}
                  {u.lockedUntil ? (
                    <Badge color="orange">
                      {t('users.lockedUntil', { until: format.dateTime(u.lockedUntil) })}
                    </Badge>
                  ) : null}
                  {u.totpEnabled ? <Badge variant="outline">TOTP</Badge> : null}
                </Group>
              ),
            },
            { header: t('users.createdAt'), cell: (u) => format.date(u.createdAt) },
            {
              header: t('common.actions'),
              cell: (u) =>
                !u.disabled && u.username !== user.username ? (
                  <RowDangerButton onClick={() => disable.mutate(u.username)}>
                    {t('users.disable')}
                  </RowDangerButton>
                ) : null,
            },
          ]}
        />
      </Paper>
    </Stack>
  );
}

function NewUserForm({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const user = useUser();
  const areas = useAreas();
  const areaName = useAreaName();
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>(roles[roles.length - 1] ?? 'analyst');
  const [province, setProvince] = useState<string | null>(user.province);
  const create = useMutation({
    mutationFn: () =>
      post<UserView>('/users', { username, password, role, province: role === 'national' ? null : province }),
    onSuccess: () => {
      setUsername('');
      setPassword('');
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const provinces = (areas.data?.provinces ?? []).filter(
    (p) => user.province === null || p.iso === user.province,
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-user">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id="new-user">
            {t('users.newTitle')}
          </Title>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('users.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              miw={180}
            />
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordHelp')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              autoComplete="new-password"
              miw={180}
            />
            <Select
              label={t('users.role')}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              allowDeselect={false}
              miw={160}
            />
            {role !== 'national' ? (
              <Select
                label={t('users.province')}
                value={province}
                onChange={setProvince}
                searchable
                clearable={user.province === null && role !== 'province'}
                disabled={user.province !== null}
                data={provinces.map((p) => ({ value: p.iso, label: areaName(p) }))}
                miw={180}
              />
            ) : null}
          </Group>
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
