package io.hawkbit.repository.target;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Generates target security tokens: 128 random bits, hex encoded. */
public final class TargetTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TargetTokens() {}

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
