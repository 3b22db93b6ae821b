import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { type BlobInfo, type BlobStore, checkBlobPath, contentTypeOf } from './blob-store.js';

/** Where the S3 store writes: a bucket, an optional key prefix, and the client's settings. */
export interface S3Location {
  readonly bucket: string;
  /** Prepended to every object key, e.g. "exports/" (empty by default). */
  readonly prefix: string;
  readonly client: S3ClientConfig;
}

/**
 * `s3://bucket[/prefix]?endpoint=http://127.0.0.1:9000&region=us-east-1`. With an endpoint
 * (MinIO, s3rver, other S3-compatible storage) requests use path-style addressing. Credentials come
 * from the SDK's usual sources (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles).
 */
export function parseS3Url(text: string): S3Location {
  const url = new URL(text);
  if (url.protocol !== 's3:' || url.hostname === '') throw new Error('expected s3://bucket[/prefix]');
  const path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  return {
    bucket: url.hostname,
    prefix: path === '' || path.endsWith('/') ? path : `${path}/`,
    client: {
      region: url.searchParams.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    },
  };
}

const status = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const missing = (error: unknown) =>
  status(error) === 404 || ['NoSuchKey', 'NotFound'].includes((error as { name?: string }).name ?? '');

/** Objects in an S3-compatible bucket; content type and cache-control are stored with each object. */
export function createS3BlobStore(location: S3Location, client = new S3Client(location.client)): BlobStore {
  const { bucket, prefix } = location;
  const key = (path: string) => `${prefix}${checkBlobPath(path)}`;
  const info = (
    path: string,
    o: { ContentLength?: number; ETag?: string; ContentType?: string; CacheControl?: string },
  ): BlobInfo => ({
    size: o.ContentLength ?? 0,
    etag: o.ETag ?? '""',
    contentType: o.ContentType ?? contentTypeOf(path),
    cacheControl: o.CacheControl,
  });
  return {
    async put(path, body, options) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key(path),
          Body: body,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
        }),
      );
    },
    async get(path) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key(path) }));
        const body = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
        return { ...info(path, out), size: body.length, body };
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async head(path) {
      try {
        return info(path, await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key(path) })));
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async list(listPrefix) {
      const paths: string[] = [];
      let token: string | undefined;
      do {
        const out = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: `${prefix}${listPrefix}`,
            ContinuationToken: token,
          }),
        );
        for (const object of out.Contents ?? []) if (object.Key) paths.push(object.Key.slice(prefix.length));
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
      return paths.sort();
    },
    async delete(path) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key(path) }));
    },
  };
}
