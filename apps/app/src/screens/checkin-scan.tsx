import { Alert, Button, FileButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { decodeQrCode, decodeQrCodeFile } from '../checkin/qr-decoder.js';

/** How often a camera frame is decoded. */
const SCAN_EVERY_MS = 250;

/**
 * Scan a venue's QR code with the camera (getUserMedia; BarcodeDetector or jsQR), pick a photo of it,
 * or paste its link; whatever was read goes to the confirm screen, where it is checked.
 */
export function CheckInScanScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const video = useRef<HTMLVideoElement>(null);
  /** Each press of "open camera" starts a session; null while the camera is off. */
  const [session, setSession] = useState<number | null>(null);
  const [camera, setCamera] = useState<'off' | 'starting' | 'on' | 'unavailable'>('off');
  const [photoError, setPhotoError] = useState(false);
  const [pasted, setPasted] = useState('');
  const found = (text: string) => navigate('/checkin/confirm', { state: { url: text } });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `found` only navigates; the camera follows `session`
  useEffect(() => {
    if (session === null) return;
    setCamera('starting');
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    void navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || video.current === null) return;
        video.current.srcObject = media;
        await video.current.play();
        setCamera('on');
        const canvas = document.createElement('canvas');
        let busy = false;
        timer = setInterval(() => {
          if (busy || video.current === null) return;
          busy = true;
          void decodeQrCode(video.current, canvas)
            .then((text) => text !== null && !stopped && found(text))
            .finally(() => {
              busy = false;
            });
        }, SCAN_EVERY_MS);
      })
      .catch(() => setCamera('unavailable'));
    if (navigator.mediaDevices === undefined) setCamera('unavailable');
    return () => {
      stopped = true;
      clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      setCamera((state) => (state === 'unavailable' ? state : 'off'));
    };
  }, [session]);

  const photo = async (file: File | null) => {
    if (file === null) return;
    setPhotoError(false);
    const text = await decodeQrCodeFile(file).catch(() => null);
    if (text === null) setPhotoError(true);
    else found(text);
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('checkin.scanTitle')}
      </Title>
      <Text>{t('checkin.scanHelp')}</Text>
      <video
        ref={video}
        aria-label={t('checkin.cameraLabel')}
        muted
        playsInline
        hidden={camera !== 'on'}
        style={{ width: '100%', borderRadius: 8, background: '#000' }}
      />
      {camera === 'unavailable' && <Alert color="orange">{t('checkin.cameraUnavailable')}</Alert>}
      {session === null || camera === 'unavailable' ? (
        <Button size="lg" onClick={() => setSession((n) => (n ?? 0) + 1)}>
          {t('checkin.startCamera')}
        </Button>
      ) : (
        <Button size="lg" variant="default" loading={camera === 'starting'} onClick={() => setSession(null)}>
          {t('checkin.stopCamera')}
        </Button>
      )}
      <FileButton onChange={(file) => void photo(file)} accept="image/*">
        {(props) => (
          <Button {...props} size="md" variant="light" data-testid="qr-photo">
            {t('checkin.photo')}
          </Button>
        )}
      </FileButton>
      {photoError && (
        <Alert color="orange" data-testid="qr-photo-error">
          {t('checkin.noCodeInPhoto')}
        </Alert>
      )}
      <Group align="end" wrap="nowrap" gap="xs">
        <TextInput
          style={{ flex: 1 }}
          label={t('checkin.pasteLabel')}
          description={t('checkin.pasteHelp')}
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          data-testid="event-url-input"
        />
        <Button disabled={pasted.trim() === ''} onClick={() => found(pasted.trim())}>
          {t('checkin.open')}
        </Button>
      </Group>
    </Stack>
  );
}
