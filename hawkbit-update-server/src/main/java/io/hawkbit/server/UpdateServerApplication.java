package io.hawkbit.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A hawkBit-compatible update server node. */
@SpringBootApplication(scanBasePackages = "io.hawkbit")
public class UpdateServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(UpdateServerApplication.class, args);
    }
}
