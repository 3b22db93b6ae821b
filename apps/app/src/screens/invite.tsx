import { Button, Card, Center, Image, Stack, Text, Title } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../runtime/app-context.js';
import { readOnboarding } from '../runtime/prefs.js';

/** A share link (keeping the organisation code this person came with) and its QR code. */
export function InviteScreen() {
  const { t } = useTranslation();
  const { phase } = useApp();
  const [link, setLink] = useState(`${window.location.origin}/app/`);
  const [qr, setQr] = useState<string>();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (phase.kind !== 'ready') return;
    void readOnboarding(phase.store).then((onboarding) => {
      if (onboarding?.org)
        setLink(`${window.location.origin}/app/?org=${encodeURIComponent(onboarding.org)}`);
    });
  }, [phase]);
  useEffect(() => {
    void QRCode.toDataURL(link, { margin: 1, width: 480, errorCorrectionLevel: 'M' }).then(setQr);
  }, [link]);
  const canShare = typeof navigator.share === 'function';
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('invite.title')}
      </Title>
      <Text>{t('invite.intro')}</Text>
      <Card withBorder padding="md">
        <Center>
          {qr && <Image src={qr} alt={t('invite.qrLabel')} w={240} h={240} data-testid="invite-qr" />}
        </Center>
        <Text ta="center" mt="xs" fz="sm" style={{ wordBreak: 'break-all' }} data-testid="invite-link">
          {link}
        </Text>
      </Card>
      {canShare && (
        <Button
          size="lg"
          onClick={() =>
            void navigator
              .share({ title: 'Bluezone', text: t('invite.shareText'), url: link })
              .catch(() => undefined)
          }
        >
          {t('invite.share')}
        </Button>
      )}
      <Button
        size="lg"
        variant={canShare ? 'light' : 'filled'}
        onClick={() =>
          void navigator.clipboard
            ?.writeText(link)
            .then(() => setCopied(true))
            .catch(() => undefined)
        }
      >
        {copied ? t('invite.copied') : t('invite.copy')}
      </Button>
    </Stack>
  );
}
