// The key server's publish API (docs/protocol.md §6), with the field names of Google's key server. The
// types come from the server's TypeBox schemas, so the client and the server cannot drift apart.
export type {
  PublishRequest,
  PublishResponse,
  PublishTemporaryExposureKey,
} from '../publish.schemas.js';
