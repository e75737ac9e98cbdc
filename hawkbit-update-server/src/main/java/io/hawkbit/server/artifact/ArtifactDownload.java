package io.hawkbit.server.artifact;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.softwaremodule.Artifact;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers an artifact download, the same for devices (DDI) and operators (Management API), as hawkBit streams both
 * through one routine: the SHA-1 as ETag, {@code If-Match} (412) and {@code If-None-Match} (304) against it, the
 * file name as attachment, {@code Last-Modified}, {@code Accept-Ranges}, {@code X-Content-Type-Options: nosniff}, HEAD
 * without the body, and single or multiple byte ranges (206, 416) unless {@code If-Range} names another version.
 */
public final class ArtifactDownload {

    private ArtifactDownload() {}

    /** The stored bytes of the artifact, read a range at a time (a file, an S3 ranged GET). */
    @FunctionalInterface
    public interface Content {
        /** Bytes {@code start} to {@code end}, inclusive. */
        InputStream open(long start, long end) throws IOException;
    }

    /**
     * Writes the answer. Returns the response for a failed precondition (412) or an unchanged file (304), else
     * {@code null} once the file (or its parts) has been written to {@code response}.
     */
    public static ResponseEntity<Void> write(
            Artifact artifact, Content file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return write(artifact, file, request, response, () -> {});
    }

    /**
     * As {@link #write(Artifact, Content, HttpServletRequest, HttpServletResponse)}, running {@code startingWholeFile}
     * before the body of a plain GET (no Range) is written: the start of a device's download, not a resumed part.
     */
    public static ResponseEntity<Void> write(
            Artifact artifact,
            Content file,
            HttpServletRequest request,
            HttpServletResponse response,
            Runnable startingWholeFile)
            throws IOException {
        String etag = "\"" + artifact.getSha1() + "\"";
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch != null && !matches(ifMatch, etag)) {
            // A client resuming a download learns why it must start over; the error body says so in hawkBit's shape.
            response.setHeader(HttpHeaders.ETAG, etag);
            throw new HawkbitException(
                    ServerError.PRECONDITION_FAILED, "If-Match names another version of " + artifact.getFilename());
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        // Browsers must not sniff an uploaded file into something they would run.
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(artifact.getFilename(), StandardCharsets.UTF_8)
                .build());
        headers.setLastModified(artifact.getCreatedAt());
        // Written by hand: Spring MVC would apply the Range header itself, ignoring If-Range.
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        // If-Range compares strongly: only this exact tag (quoted or, as hawkBit sends it, bare) keeps the range.
        boolean rangeApplies = range != null
                && (ifRange == null
                        || ifRange.trim().equals(etag)
                        || ifRange.trim().equals(artifact.getSha1()));
        if ("HEAD".equals(request.getMethod())) {
            // SWUpdate sends HEAD before every download: the headers, not the file.
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            response.setContentLengthLong(artifact.getSize());
        } else if (rangeApplies) {
            ArtifactRanges.write(file, artifact.getSize(), ArtifactRanges.parts(range, artifact.getSize()), response);
        } else {
            if (range == null) {
                startingWholeFile.run();
            }
            ArtifactRanges.writeWhole(file, artifact.getSize(), response);
        }
        return null;
    }

    /** An entity-tag list against the artifact's tag; hawkBit sends its tag unquoted, so a bare SHA-1 matches too. */
    private static boolean matches(String header, String etag) {
        String bare = etag.substring(1, etag.length() - 1);
        for (String candidate : header.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals(etag) || value.equals("W/" + etag) || value.equals(bare)) {
                return true;
            }
        }
        return false;
    }
}
