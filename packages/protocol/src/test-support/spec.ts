// Test-only helper: loads the official vectors committed under spec/ at the repository root.

import checkinVectors from '../../../../spec/cwa-checkin-vectors.json' with { type: 'json' };
import exportExample from '../../../../spec/gaen-export-example.json' with { type: 'json' };
import vectors from '../../../../spec/gaen-vectors.json' with { type: 'json' };

export function loadVectors(): typeof vectors {
  return vectors;
}

export function loadExportExample(): typeof exportExample {
  return exportExample;
}

/** Corona-Warn-App's venue check-in vectors (payloads, location IDs, overlaps); sources in the file. */
export function loadCheckinVectors(): typeof checkinVectors {
  return checkinVectors;
}
