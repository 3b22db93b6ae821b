import { Card, Switch, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A settings section: a titled card, with an optional line of explanation. */
export function SettingsCard(props: { title: string; intro?: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" data-testid={props.testId}>
      <Title order={2} size="h4">
        {props.title}
      </Title>
      {props.intro !== undefined && (
        <Text mt="xs" size="sm">
          {props.intro}
        </Text>
      )}
      {props.children}
    </Card>
  );
}

/** An on/off setting with its explanation. */
export function SettingSwitch(props: {
  label: string;
  description: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <Switch
      mt="sm"
      size="md"
      label={props.label}
      description={props.description}
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
  );
}
