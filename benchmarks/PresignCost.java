import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.*;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * CPU cost of one pre-signed S3 download link, as the S3 artifact store makes them for DDI deploymentBase answers
 * (hawkbit.artifact.storage.s3.presigned-downloads) and redirects (presigned-redirects): the AWS SDK's S3Presigner,
 * path-style, with a Content-Disposition, per call on one thread (its CPU time), in rounds of 5,000 (the first ones
 * include the JIT). Signing is local: no S3 server is contacted.
 *  java -Djarmode=tools -jar hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar extract --destination /tmp/app
 *  java -cp '/tmp/app/lib/*' benchmarks/PresignCost.java
 */
public class PresignCost {
    public static void main(String[] args) {
        S3Presigner p = S3Presigner.builder().region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER")))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .endpointOverride(URI.create("http://127.0.0.1:19211")).build();
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            int n = 5000;
            long cpu0 = bean.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String key = "DEFAULT/" + String.format("%040x", i);
                p.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5)).getObjectRequest(g -> g.bucket("hawkbit-artifacts").key(key)
                    .responseContentDisposition("attachment; filename*=UTF-8''update.bin"))).url();
            }
            System.out.printf("round %d: %.1f us CPU, %.1f us wall per pre-signed link%n", round,
                (bean.getCurrentThreadCpuTime() - cpu0) / 1e3 / n, (System.nanoTime() - t0) / 1e3 / n);
        }
    }
}
