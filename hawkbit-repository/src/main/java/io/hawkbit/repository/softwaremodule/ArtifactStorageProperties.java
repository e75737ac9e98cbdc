package io.hawkbit.repository.softwaremodule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Where artifact bytes are kept; in a cluster every node must see the same directory or bucket. */
@Validated
@ConfigurationProperties("hawkbit.artifact.storage")
public class ArtifactStorageProperties {

    /** The kinds of store. */
    public enum Type {
        FILESYSTEM,
        S3
    }

    /** {@code filesystem} (a directory, shared by all nodes of a cluster) or {@code s3} (an S3-compatible bucket). */
    @NotNull
    private Type type = Type.FILESYSTEM;

    /** Directory holding artifact files, shared by all nodes of a cluster ({@code type=filesystem}). */
    @NotNull
    private Path path = Path.of("artifactrepo");

    /**
     * Check a file's size and SHA-256 before its first download on each node (and again whenever the file
     * changes), so a damaged or missing file answers 404 instead of wrong bytes.
     */
    private boolean verifyDownloads = true;

    @Valid
    private final S3 s3 = new S3();

    public Type getType() {
        return type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    public Path getPath() {
        return path;
    }

    public void setPath(Path path) {
        this.path = path;
    }

    public boolean isVerifyDownloads() {
        return verifyDownloads;
    }

    public void setVerifyDownloads(boolean verifyDownloads) {
        this.verifyDownloads = verifyDownloads;
    }

    public S3 getS3() {
        return s3;
    }

    /** The bucket of {@code type=s3}; objects are named {@code <tenant>/<sha1>}. */
    public static class S3 {

        /** Bucket holding the artifacts (it must exist). */
        private String bucket = "hawkbit-artifacts";

        /** Region of the bucket; S3-compatible servers usually accept any. */
        private String region = "us-east-1";

        /** Endpoint of an S3-compatible server (MinIO, ...); empty for AWS itself. */
        private URI endpoint;

        /** Path-style addressing ({@code endpoint/bucket/key}), which most S3-compatible servers need. */
        private boolean pathStyle;

        /** Access key; when empty, the AWS SDK's default credential chain is used. */
        private String accessKey;

        /** Secret key belonging to the access key. */
        private String secretKey;

        /** Uploads larger than this go up in parts of {@link #partSize}. */
        @NotNull
        private DataSize multipartThreshold = DataSize.ofMegabytes(16);

        /** Size of one part of a multipart upload; S3 needs at least 5 MB. */
        @NotNull
        private DataSize partSize = DataSize.ofMegabytes(8);

        /**
         * DDI answers point devices' {@code download}/{@code download-http} links at pre-signed S3 URLs, so the bytes
         * never pass through the server nodes. The devices must then reach the S3 endpoint themselves.
         */
        private boolean presignedDownloads;

        /**
         * DDI artifact GETs on the server's own download URL answer {@code 307} to a pre-signed S3 URL (HEAD and
         * MD5SUM are still answered by the server): for clients that send a HEAD or their credentials to the link
         * they are given. Independent of {@link #presignedDownloads}.
         */
        private boolean presignedRedirects;

        /**
         * Endpoint written into pre-signed links when devices reach the S3 server under another address than the
         * nodes do (e.g. {@code http://minio:9000} inside a container network); empty for {@link #endpoint}.
         */
        private URI presignedEndpoint;

        /** How long a pre-signed download link works. */
        @NotNull
        private Duration presignedExpiry = Duration.ofMinutes(5);

        public String getBucket() {
            return bucket;
        }

        public void setBucket(String bucket) {
            this.bucket = bucket;
        }

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(URI endpoint) {
            this.endpoint = endpoint;
        }

        public boolean isPathStyle() {
            return pathStyle;
        }

        public void setPathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
        }

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public DataSize getMultipartThreshold() {
            return multipartThreshold;
        }

        public void setMultipartThreshold(DataSize multipartThreshold) {
            this.multipartThreshold = multipartThreshold;
        }

        public DataSize getPartSize() {
            return partSize;
        }

        public void setPartSize(DataSize partSize) {
            this.partSize = partSize;
        }

        public boolean isPresignedDownloads() {
            return presignedDownloads;
        }

        public void setPresignedDownloads(boolean presignedDownloads) {
            this.presignedDownloads = presignedDownloads;
        }

        public boolean isPresignedRedirects() {
            return presignedRedirects;
        }

        public void setPresignedRedirects(boolean presignedRedirects) {
            this.presignedRedirects = presignedRedirects;
        }

        public URI getPresignedEndpoint() {
            return presignedEndpoint;
        }

        public void setPresignedEndpoint(URI presignedEndpoint) {
            this.presignedEndpoint = presignedEndpoint;
        }

        public Duration getPresignedExpiry() {
            return presignedExpiry;
        }

        public void setPresignedExpiry(Duration presignedExpiry) {
            this.presignedExpiry = presignedExpiry;
        }
    }
}
