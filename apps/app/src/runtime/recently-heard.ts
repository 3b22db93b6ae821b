import { type NearbyDevice, nearbyDevices, type RadioScanner, type RecentSighting } from '@bluezone/device';
import {
  decodeServiceData,
  type RiskConfiguration,
  toHex,
  type UnixSeconds,
  unixSeconds,
} from '@bluezone/protocol';

const KEEP_SECONDS = 60;

/** What the scanner passed on lately, for the radar on the demo air (see PhoneRuntime.nearby). */
export class RecentlyHeard {
  private recent: RecentSighting[] = [];
  private latest = 0;

  /** The scanner, with every advertisement it passes on also noted here. */
  wrap(scanner: RadioScanner): RadioScanner {
    return {
      start: (listener) =>
        scanner.start({
          onAdvertisement: (heard) => {
            listener.onAdvertisement(heard);
            this.note(heard.serviceData, heard.rssi, heard.timeMs);
          },
          onScanComplete: () => listener.onScanComplete?.(),
        }),
      stop: () => scanner.stop(),
    };
  }

  private note(serviceData: Uint8Array | undefined, rssi: number, timeMs: number | undefined): void {
    if (serviceData === undefined || timeMs === undefined) return;
    try {
      const { rpi, aem } = decodeServiceData(serviceData);
      const seconds = unixSeconds(Math.floor(timeMs / 1000)) as UnixSeconds;
      this.latest = Math.max(this.latest, seconds);
      this.recent.push({ rpi, aem, rssi, seconds, rpiHex: toHex(rpi) });
      this.recent = this.recent.filter((s) => s.seconds >= this.latest - KEEP_SECONDS);
    } catch {
      // The runtime counts malformed advertisements; the radar ignores them.
    }
  }

  /** The phones heard in the 30 s before the last thing heard. */
  nearby(rssiCorrection: number, risk: RiskConfiguration): NearbyDevice[] {
    return nearbyDevices(this.recent, this.latest, rssiCorrection, risk);
  }
}
