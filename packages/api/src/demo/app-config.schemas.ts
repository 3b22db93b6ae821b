import { type Static, Type } from 'typebox';

/** Which optional services this deployment offers the app; an absent flag means off. */
export const AppFeatures = Type.Object({
  /** `POST /api/declarations`: the F1/F2 person may send their contact details to the health station. */
  declarations: Type.Boolean(),
  /** `GET /v1/notices/{region}`: the health authority's notices and FAQ. */
  notices: Type.Boolean(),
  /** `GET /v1/areas`: provinces and districts to choose from at the first run. */
  areas: Type.Boolean(),
});
export type AppFeatures = Static<typeof AppFeatures>;

/**
 * `GET /app/config.json`: what the citizen app needs to talk to this deployment — what a native
 * app would have built in. The device API key identifies the app, not a person (docs/protocol.md §5).
 */
export const AppConfig = Type.Object({
  /** Region whose exports the phone downloads, e.g. `VN`. */
  region: Type.String(),
  /** `healthAuthorityID` sent with published keys. */
  healthAuthorityId: Type.String(),
  /** `X-API-Key` for `/api/verify` and `/api/certificate`. */
  deviceApiKey: Type.String(),
  /** Roots of the APIs; relative URLs are resolved against the page (same origin by default). */
  verificationUrl: Type.String(),
  keyServerUrl: Type.String(),
  /** Public keys that may sign export files (PEM, SubjectPublicKeyInfo). */
  exportPublicKeys: Type.Array(
    Type.Object({ keyId: Type.String(), keyVersion: Type.String(), publicKeyPem: Type.String() }),
  ),
  /** Present when `npm start`'s simulated district accepts phones over the demo air. */
  demoAir: Type.Optional(Type.Object({ url: Type.String() })),
  /**
   * The origin this deployment's venue posters carry (`BLUEZONE_PUBLIC_ORIGIN`), when it is not the
   * app's own: event URLs on its host are accepted too (docs/checkin.md).
   */
  eventOrigin: Type.Optional(Type.String()),
  /** What else the deployment offers; absent (an older server): none of it. */
  features: Type.Optional(AppFeatures),
});
export type AppConfig = Static<typeof AppConfig>;
