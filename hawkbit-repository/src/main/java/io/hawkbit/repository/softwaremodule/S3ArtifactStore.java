package io.hawkbit.repository.softwaremodule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Artifacts as objects {@code <tenant>/<sha1>} in an S3-compatible bucket. An upload is first written to a local
 * temporary file while hashed (never whole in memory), checked, then sent in one PUT or, above the multipart
 * threshold, in parts read from that file; an object already there under the SHA-1 is not sent again.
 */
class S3ArtifactStore implements ArtifactStore, AutoCloseable {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final long multipartThreshold;
    private final long partSize;
    private final MeterRegistry meters;

    S3ArtifactStore(ArtifactStorageProperties.S3 properties, MeterRegistry meters) {
        this.meters = meters;
        AwsCredentialsProvider credentials =
                properties.getAccessKey() == null || properties.getAccessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(properties.getAccessKey(), properties.getSecretKey()));
        Region region = Region.of(properties.getRegion());
        S3ClientBuilder client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(properties.isPathStyle())
                // Plain bodies instead of aws-chunked signed chunks: s3rver stores the chunk framing as content (the
                // upload check caught it), and a body read from a file can be hashed before it is sent anyway.
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                // Checksums only where S3 requires them: the SDK's default CRC trailers (aws-chunked bodies) are not
                // understood by every S3-compatible server; the content is verified by SHA-256 on its own.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        S3Presigner.Builder presign = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(properties.isPathStyle())
                        .build());
        if (properties.getEndpoint() != null) {
            client.endpointOverride(properties.getEndpoint());
        }
        // The signature covers the host: links are signed for the address the devices will use.
        URI linkEndpoint = properties.getPresignedEndpoint() != null
                ? properties.getPresignedEndpoint()
                : properties.getEndpoint();
        if (linkEndpoint != null) {
            presign.endpointOverride(linkEndpoint);
        }
        this.s3 = client.build();
        this.presigner = presign.build();
        this.bucket = properties.getBucket();
        this.multipartThreshold = properties.getMultipartThreshold().toBytes();
        this.partSize = Math.max(properties.getPartSize().toBytes(), 5L * 1024 * 1024);
    }

    @Override
    public Stored store(String tenant, InputStream content, Consumer<StoredFile> check) {
        try {
            HashedTempFile temp = HashedTempFile.write(Path.of(System.getProperty("java.io.tmpdir")), content);
            try {
                StoredFile stored = temp.hashes();
                check.accept(stored);
                String key = key(tenant, stored.sha1());
                // An object of another size under the key is a damaged copy: replaced rather than shared.
                if (head(key)
                        .filter(head -> head.contentLength() == stored.size())
                        .isPresent()) {
                    return new Stored(stored, false);
                }
                if (stored.size() > multipartThreshold) {
                    uploadInParts(key, temp.path(), stored.size());
                    counted("multipart");
                } else {
                    // S3 (and MinIO) refuse the PUT when the body does not match this SHA-256.
                    s3.putObject(
                            r -> r.bucket(bucket)
                                    .key(key)
                                    .contentLength(stored.size())
                                    .checksumSHA256(base64(stored.sha256())),
                            RequestBody.fromFile(temp.path()));
                    counted("single");
                }
                return new Stored(stored, true);
            } finally {
                Files.deleteIfExists(temp.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Storing artifact failed", e);
        }
    }

    private void counted(String kind) {
        Counter.builder("hawkbit.artifact.s3.uploads")
                .description("Artifacts sent to S3, in one PUT (single) or as a multipart upload")
                .tag("kind", kind)
                .register(meters)
                .increment();
    }

    private void uploadInParts(String key, Path file, long size) {
        String uploadId =
                s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                long length = Math.min(partSize, size - offset);
                long start = offset;
                int partNumber = number;
                String etag = s3.uploadPart(
                                r -> r.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber)
                                        .contentLength(length),
                                RequestBody.fromContentProvider(
                                        () -> slice(file, start, length), length, "application/octet-stream"))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
            }
            s3.completeMultipartUpload(
                    r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    /** {@code length} bytes of the file from {@code start}, read from disk as the part is sent. */
    private static InputStream slice(Path file, long start, long length) {
        try {
            FileChannel channel = FileChannel.open(file);
            channel.position(start);
            return new Limited(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Blob> find(String tenant, String sha1) {
        return head(key(tenant, sha1)).map(head -> new Blob(head.contentLength(), head.eTag()));
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String tenant, String sha1, long start, long end) throws IOException {
        String key = key(tenant, sha1);
        if (end < start) {
            return InputStream.nullInputStream();
        }
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key).range("bytes=" + start + "-" + end));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw new IOException("Reading " + key + " from S3 failed", e);
        }
    }

    @Override
    public void delete(String tenant, String sha1) {
        String key = key(tenant, sha1);
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public Optional<URI> directDownload(String tenant, String sha1, String filename, Duration validFor) {
        String key = key(tenant, sha1);
        // RFC 6266 with the RFC 5987 form, so any file name survives: the device stores the file under it.
        String disposition = "attachment; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        try {
            return Optional.of(presigner
                    .presignGetObject(p -> p.signatureDuration(validFor)
                            .getObjectRequest(r -> r.bucket(bucket).key(key).responseContentDisposition(disposition)))
                    .url()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(String tenant, String sha1) {
        ArtifactStore.requireSha1(sha1);
        return ArtifactStore.safe(tenant) + "/" + sha1;
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class Limited extends FilterInputStream {

        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }
    }
}
