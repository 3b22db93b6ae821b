import type { IssuedConsoleCode } from '@bluezone/api';
import { Anchor, Button, Code, CopyButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.js';

/** The code just issued: the 8 digits to read out, the long link and its QR code, both expiries. */
export function IssuedCodeCard({ code }: { code: IssuedConsoleCode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(code.link, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then(
      (url) => live && setQr(url),
      () => live && setQr(undefined),
    );
    return () => {
      live = false;
    };
  }, [code.link]);
  const digits = `${code.code.slice(0, 4)} ${code.code.slice(4)}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="issued-title" data-testid="issued-code">
      <Stack gap="sm">
        <Title order={2} size="h4" id="issued-title">
          {t('codes.issuedTitle', {
            type: t(code.testType === 'confirmed' ? 'codes.f0Short' : 'codes.f1Short'),
          })}
        </Title>
        <Text size="sm">{t('codes.shortCode')}</Text>
        <Group gap="sm">
          <Text
            component="output"
            ff="monospace"
            fz={34}
            fw={700}
            data-testid="short-code"
            data-code={code.code}
            aria-label={code.code.split('').join(' ')}
          >
            {digits}
          </Text>
          <CopyButton value={code.code}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('codes.expires', { at: format.dateTime(code.expiresAt) })}</Text>
        <Text size="sm" mt="sm">
          {t('codes.longLink')}
        </Text>
        <Code block data-testid="long-link">
          <Anchor href={code.link} size="sm">
            {code.link}
          </Anchor>
        </Code>
        {qr ? <Image src={qr} w={220} h={220} alt={t('codes.qrAlt')} data-testid="code-qr" /> : null}
        <Text size="sm">{t('codes.expires', { at: format.dateTime(code.longExpiresAt) })}</Text>
        {code.province === null ? (
          <Text size="xs" c="orange.9" data-testid="national-only">
            {t('codes.nationalOnly')}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('codes.uuid')}: <Code>{code.uuid}</Code>
        </Text>
      </Stack>
    </Paper>
  );
}
