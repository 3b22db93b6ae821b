import { type Static, Type } from 'typebox';

// The demo air: how a phone that is not simulated (the citizen app in a browser, or a test) joins
// the district that `npm start` simulates, as one more person. It stands in for Bluetooth: the
// phone hands the air what it advertises and asks what it heard. Times are the simulation's clock
// (milliseconds since 1970), which runs faster than the wall clock.

const Base64 = Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$', maxLength: 64 });
const PhoneId = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' });

/** `GET /demo/air/clock`: the simulation's time now, and how fast it runs. */
export const DemoAirClock = Type.Object({
  /** Simulated milliseconds since 1970. */
  nowMs: Type.Number(),
  /** Simulated milliseconds per real millisecond (1 = real time; 0 = paused). */
  rate: Type.Number({ minimum: 0 }),
});
export type DemoAirClock = Static<typeof DemoAirClock>;

/** `POST /demo/air/join`: become one more person of the district. */
export const DemoAirJoinRequest = Type.Object({
  /** A phone model of the calibration table, e.g. `Google Pixel 4`; the district draws one if absent. */
  model: Type.Optional(Type.String({ maxLength: 100 })),
});
export type DemoAirJoinRequest = Static<typeof DemoAirJoinRequest>;

export const DemoAirJoinResponse = Type.Object({
  /** Names this phone in the other calls; keep it for the session. */
  phoneId: PhoneId,
  /** The simulated person this phone travels with (its household, work, school …). */
  person: Type.Integer({ minimum: 0 }),
  /** Where the person lives, in words (e.g. "household 12, works at factory 3"). */
  description: Type.String(),
  nowMs: Type.Number(),
  /** That person's phone model: use its calibration, as the district's radio model does. */
  phone: Type.Optional(Type.Object({ oem: Type.String(), model: Type.String() })),
});
export type DemoAirJoinResponse = Static<typeof DemoAirJoinResponse>;

/** `POST /demo/air/advertise`: what the phone broadcasts from now on (its RPI changes every interval). */
export const DemoAirAdvertiseRequest = Type.Object({
  phoneId: PhoneId,
  /** The 20 bytes of FD6F service data (RPI then AEM), base64. */
  serviceData: Base64,
  /** The TX power written in the metadata, dBm. */
  txPowerDbm: Type.Integer({ minimum: -127, maximum: 127 }),
});
export type DemoAirAdvertiseRequest = Static<typeof DemoAirAdvertiseRequest>;

/** `POST /demo/air/heard`: what the phone's scanner picked up after a time. */
export const DemoAirHeardRequest = Type.Object({
  phoneId: PhoneId,
  /** Only sightings strictly after this simulated time; 0 for all the air still holds (24 h). */
  afterMs: Type.Number({ minimum: 0 }),
});
export type DemoAirHeardRequest = Static<typeof DemoAirHeardRequest>;

export const DemoAirSighting = Type.Object({
  /** The 20 bytes of FD6F service data heard, base64. */
  serviceData: Base64,
  /** Measured RSSI in dBm, as this phone's radio reports it (uncorrected). */
  rssi: Type.Integer({ minimum: -127, maximum: 20 }),
  /** Simulated time of the sighting. */
  timeMs: Type.Number(),
});
export type DemoAirSighting = Static<typeof DemoAirSighting>;

export const DemoAirHeardResponse = Type.Object({
  nowMs: Type.Number(),
  /** Oldest first; at most 5,000 — ask again from the last one's time for more. */
  sightings: Type.Array(DemoAirSighting),
});
export type DemoAirHeardResponse = Static<typeof DemoAirHeardResponse>;

/**
 * `POST /demo/air/encounter`: put two joined phones next to each other for the last `minutes`
 * simulated minutes, at `distanceM` metres (a meeting staged for a demo or a test). Each hears the
 * other as the district's radio model would, with what the other advertised.
 */
export const DemoAirEncounterRequest = Type.Object({
  phoneId: PhoneId,
  otherPhoneId: PhoneId,
  minutes: Type.Integer({ minimum: 1, maximum: 240 }),
  distanceM: Type.Number({ minimum: 0.1, maximum: 30 }),
});
export type DemoAirEncounterRequest = Static<typeof DemoAirEncounterRequest>;

export const DemoAirEncounterResponse = Type.Object({
  /** Sightings added, both directions. */
  sightings: Type.Integer({ minimum: 0 }),
});
export type DemoAirEncounterResponse = Static<typeof DemoAirEncounterResponse>;

/** `POST /demo/air/leave`: the phone leaves the district (its person goes back to being simulated). */
export const DemoAirLeaveRequest = Type.Object({ phoneId: PhoneId });
export type DemoAirLeaveRequest = Static<typeof DemoAirLeaveRequest>;
