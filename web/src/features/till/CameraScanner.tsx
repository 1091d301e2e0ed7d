/**
 * The camera, reading QR codes: frames drawn to a canvas and decoded with
 * jsQR about ten times a second until a card's text (`CN1:`) is found; then
 * the camera is stopped. Imported with the page (not on demand) so it works
 * offline once the till has been opened.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_PREFIX } from '@coopnet/domain/credentials/card';

const SCAN_EVERY_MS = 100;
/** Wider frames are scaled down: decoding stays fast on a cheap phone, and a card fills much of the frame anyway. */
const MAX_WIDTH = 960;

type Problem = 'denied' | 'unavailable';

export function CameraScanner({ onCard, onClose }: { onCard: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const onCardRef = useRef(onCard);
  onCardRef.current = onCard;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let done = false;
    const stop = () => {
      done = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };

    const scan = () => {
      const v = video.current;
      const c = canvas.current;
      if (done || !v || !c || v.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || v.videoWidth === 0) return;
      const scale = Math.min(1, MAX_WIDTH / v.videoWidth);
      const w = Math.round(v.videoWidth * scale);
      const h = Math.round(v.videoHeight * scale);
      if (c.width !== w || c.height !== h) {
        c.width = w;
        c.height = h;
      }
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(v, 0, 0, w, h);
      const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' });
      if (found && found.data.toUpperCase().startsWith(CARD_PREFIX)) {
        stop();
        onCardRef.current(found.data);
      }
    };

    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem('unavailable');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (err) {
        setProblem(err instanceof DOMException && err.name === 'NotAllowedError' ? 'denied' : 'unavailable');
        return;
      }
      if (done || !video.current) {
        stop();
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      timer = window.setInterval(scan, SCAN_EVERY_MS);
    })();
    return stop;
  }, []);

  return (
    <Stack gap="xs">
      {problem ? (
        <Alert color="red" variant="light" role="alert">
          {t(problem === 'denied' ? 'till.read.cameraDenied' : 'till.read.cameraUnavailable')}
        </Alert>
      ) : (
        <>
          <Text size="sm">{t('till.read.pointCamera')}</Text>
          <video
            ref={video}
            muted
            playsInline
            aria-label={t('till.read.camera')}
            style={{ width: '100%', maxHeight: '50vh', background: '#000', borderRadius: 8 }}
          />
        </>
      )}
      <canvas ref={canvas} hidden />
      <Button variant="default" size="lg" onClick={onClose}>
        {t('till.read.stopScan')}
      </Button>
    </Stack>
  );
}
