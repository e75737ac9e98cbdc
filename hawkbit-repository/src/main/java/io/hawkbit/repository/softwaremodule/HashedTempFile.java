package io.hawkbit.repository.softwaremodule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An upload written to a temporary file while its SHA-1, MD5 and SHA-256 are computed: never whole in memory. */
record HashedTempFile(Path path, ArtifactStore.StoredFile hashes) {

    static HashedTempFile write(Path directory, InputStream content) throws IOException {
        Path temp = Files.createTempFile(directory, "upload-", ".tmp");
        try {
            MessageDigest sha1 = digest("SHA-1");
            MessageDigest md5 = digest("MD5");
            MessageDigest sha256 = digest("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(
                    new DigestOutputStream(new DigestOutputStream(Files.newOutputStream(temp), sha1), md5), sha256)) {
                size = content.transferTo(out);
            }
            HexFormat hex = HexFormat.of();
            return new HashedTempFile(
                    temp,
                    new ArtifactStore.StoredFile(
                            hex.formatHex(sha1.digest()),
                            hex.formatHex(md5.digest()),
                            hex.formatHex(sha256.digest()),
                            size));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
