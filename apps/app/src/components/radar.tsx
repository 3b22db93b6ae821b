import type { NearbyDevice } from '@bluezone/device';
import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A stable angle per identifier, so a phone keeps its place between refreshes. */
function angleOf(rpi: string): number {
  return (Number.parseInt(rpi.slice(0, 6), 16) / 0xffffff) * 2 * Math.PI;
}

/** "Quét xung quanh": the phones heard in the last 30 s, very close in the inner ring, around outside. */
export function Radar({ nearby }: { nearby: readonly NearbyDevice[] }) {
  const { t } = useTranslation();
  const near = nearby.filter((d) => d.proximity === 'near').length;
  const around = nearby.length - near;
  const summary = nearby.length === 0 ? t('radar.none') : t('radar.summary', { near, around });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4">
        {t('radar.title')}
      </Title>
      <svg
        viewBox="-100 -100 200 200"
        role="img"
        aria-label={summary}
        style={{ width: '100%', maxWidth: 280, margin: '8px auto', display: 'block' }}
      >
        <circle r="95" fill="#e7f1fb" stroke="#8fb8e0" />
        <circle r="48" fill="#cfe3f7" stroke="#5b95cf" />
        {nearby.map((d) => {
          const radius =
            d.proximity === 'near'
              ? 20 + Math.min(24, d.attenuationDb / 3)
              : 55 + Math.min(35, d.attenuationDb / 4);
          const angle = angleOf(d.rpi);
          return (
            <circle
              key={d.rpi}
              cx={Math.cos(angle) * radius}
              cy={Math.sin(angle) * radius}
              r="6"
              fill={d.proximity === 'near' ? '#c92a2a' : '#e67700'}
            />
          );
        })}
        <circle r="8" fill="#0b5cad" />
        <text y="22" textAnchor="middle" fontSize="10" fill="#0b3d73">
          {t('radar.you')}
        </text>
      </svg>
      <Text aria-live="polite" data-testid="radar-summary">
        {summary}
      </Text>
      <Text size="sm" c="dimmed">
        <span style={{ color: '#c92a2a' }}>●</span> {t('radar.near')} &nbsp;{' '}
        <span style={{ color: '#e67700' }}>●</span> {t('radar.around')}
      </Text>
    </Card>
  );
}
