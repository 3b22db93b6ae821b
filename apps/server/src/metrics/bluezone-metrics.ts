import { TEST_TYPES } from '@bluezone/api';
import { Counter, Gauge, Histogram, Registry } from './registry.js';

/** Seconds; from 5 ms (a cached index) to 10 s (a large publish on a slow database). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const REPORT_TYPES = ['CONFIRMED_TEST', 'CONFIRMED_CLINICAL_DIAGNOSIS', 'RECURSIVE', 'REVOKED'];

/**
 * Every metric `GET /metrics` shows (docs/api.md, Operations). Labels are bounded, known sets only:
 * route templates, status classes, report and test types, error codes. Never an address, a code, a
 * token or a key.
 */
export function createBluezoneMetrics() {
  const registry = new Registry();
  const metrics = {
    registry,
    processStart: registry.register(
      new Gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch, in seconds.'),
    ),
    httpRequests: registry.register(
      new Counter(
        'bluezone_http_requests_total',
        'HTTP requests answered, by route template and status class.',
        ['method', 'route', 'status_class'],
      ),
    ),
    httpDuration: registry.register(
      new Histogram(
        'bluezone_http_request_duration_seconds',
        'Time from receiving a request to sending its answer, by route template.',
        ['method', 'route'],
        LATENCY_BUCKETS,
      ),
    ),
    httpInFlight: registry.register(
      new Gauge('bluezone_http_requests_in_flight', 'HTTP requests received and not yet answered.'),
    ),
    httpErrors: registry.register(
      new Counter(
        'bluezone_http_errors_total',
        'Answers with a 5xx status (server faults), by route template.',
        ['route'],
      ),
    ),
    publishedKeys: registry.register(
      new Counter(
        'bluezone_published_keys_total',
        "Diagnosis keys stored or revised by POST /v1/publish, by report type (the certificate's).",
        ['report_type'],
      ),
    ),
    publishRejected: registry.register(
      new Counter('bluezone_publish_rejected_total', 'POST /v1/publish requests refused, by error code.', [
        'error_code',
      ]),
    ),
    codesIssued: registry.register(
      new Counter('bluezone_verification_codes_issued_total', 'Verification codes issued, by test type.', [
        'test_type',
      ]),
    ),
    codesVerified: registry.register(
      new Counter(
        'bluezone_verification_codes_verified_total',
        'Verification codes exchanged for a token (POST /api/verify), by test type.',
        ['test_type'],
      ),
    ),
    exportPasses: registry.register(
      new Counter('bluezone_export_passes_total', 'Export passes finished by this process.'),
    ),
    exportLastPass: registry.register(
      new Gauge(
        'bluezone_export_last_pass_timestamp_seconds',
        'When the last export pass of this process finished, in Unix seconds (0: none yet).',
      ),
    ),
    exportBatches: registry.register(
      new Counter('bluezone_export_batches_total', 'Export batches written by this process.'),
    ),
    exportFiles: registry.register(
      new Counter('bluezone_export_files_total', 'Export files (signed zips) written by this process.'),
    ),
    exportKeys: registry.register(
      new Counter(
        'bluezone_export_keys_total',
        'Real diagnosis keys and revisions written into export files by this process (padding not counted).',
      ),
    ),
    retentionDeleted: registry.register(
      new Counter(
        'bluezone_retention_deleted_total',
        'Rows and files deleted by the retention cleanup, by kind.',
        ['kind'],
      ),
    ),
  };
  metrics.processStart.set(Math.floor(Date.now() / 1000) - Math.floor(process.uptime()));
  for (const type of REPORT_TYPES) metrics.publishedKeys.zero({ report_type: type });
  for (const type of TEST_TYPES) {
    metrics.codesIssued.zero({ test_type: type });
    metrics.codesVerified.zero({ test_type: type });
  }
  return metrics;
}

export type BluezoneMetrics = ReturnType<typeof createBluezoneMetrics>;
