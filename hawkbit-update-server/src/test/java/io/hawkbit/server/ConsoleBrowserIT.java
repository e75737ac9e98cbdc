package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser: an operator updates a device that a test thread plays over DDI, without touching
 * the REST API, and runs a rollout whose group bars follow its devices live; a READ user sees everything and no write
 * button. Each page is saved to docs/console/.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.admin.roles=ADMIN,SYSTEM_ADMIN",
            "hawkbit.security.users.viewer.password=v",
            "hawkbit.security.users.viewer.roles=READ"
        })
@ActiveProfiles("test")
// The first test counts the fleet and expects its own device alone.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path artifacts;

    @TempDir
    static Path profile;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    static ConsoleBrowser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private ConsoleBrowser browser() {
        if (browser == null) {
            browser = ConsoleBrowser.start(port, profile);
        }
        return browser;
    }

    @Test
    @Order(1)
    void operator_updatesADeviceFromTheConsole() throws Exception {
        ConsoleBrowser ui = browser();
        ApiClient api = new ApiClient(port);

        ui.open("/ui/login");
        ui.waitFor(By.id("sign-in"));
        ui.screenshot("login");
        ui.signIn("admin", "admin");
        assertThat(ui.text(By.id("user"))).isEqualTo("admin");

        // A device registers as the console creates it.
        ui.open("/ui/targets");
        ui.type(By.cssSelector("#create-target input[name=controllerId]"), "console-device");
        ui.driver.findElement(By.cssSelector("#create-target button")).click();
        ui.waitFor(By.id("update-status"));
        assertThat(ui.text(By.tagName("h1"))).isEqualTo("console-device");

        // Software: a module, its artifact, a set.
        ui.open("/ui/software");
        new Select(ui.driver.findElement(By.cssSelector("#create-module select[name=type]"))).selectByValue("os");
        ui.type(By.cssSelector("#create-module input[name=name]"), "console-fw");
        ui.type(By.cssSelector("#create-module input[name=version]"), "2.0");
        ui.driver.findElement(By.cssSelector("#create-module button")).click();
        assertThat(ui.text(By.cssSelector(".notice"))).contains("Created module console-fw:2.0");

        Path firmware = Files.write(artifacts.resolve("../console-fw.swu").normalize(), new byte[4096]);
        WebElement row = ui.driver.findElement(By.xpath("//table[@id='modules']//tr[td[1][text()='console-fw:2.0']]"));
        row.findElement(By.cssSelector("input[type=file]")).sendKeys(firmware.toString());
        row.findElement(By.cssSelector("form.upload button")).click();
        assertThat(ui.text(By.cssSelector(".notice"))).contains("Uploaded console-fw.swu (4096 bytes)");
        assertThat(ui.text(By.id("modules"))).contains("console-fw.swu");

        new Select(ui.driver.findElement(By.cssSelector("#create-set select[name=type]"))).selectByValue("os");
        ui.type(By.cssSelector("#create-set input[name=name]"), "console-image");
        ui.type(By.cssSelector("#create-set input[name=version]"), "2.0");
        ui.driver
                .findElement(
                        By.xpath("//form[@id='create-set']//label[span[starts-with(text(),'console-fw:2.0')]]/input"))
                .click();
        ui.driver.findElement(By.cssSelector("#create-set button")).click();
        assertThat(ui.text(By.cssSelector(".notice"))).contains("Created set console-image:2.0");
        ui.screenshot("software");

        // The device: a thread polling over DDI with its token, as a real one would.
        String token = api.mgmt("GET", "/rest/v1/targets/console-device")
                .json()
                .get("securityToken")
                .asString();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> deviceFailure = new AtomicReference<>();
        Thread device = new Thread(() -> playDevice(api, token, stop, deviceFailure), "ddi-device");
        device.start();
        try {
            ui.open("/ui/targets/console-device");
            new Select(ui.driver.findElement(By.id("set"))).selectByVisibleText("console-image:2.0");
            ui.driver.findElement(By.cssSelector("#assign button")).click();
            assertThat(ui.text(By.cssSelector(".notice"))).startsWith("Assigned: action");
            ui.driver.executeScript("window.consoleMarker = 'not reloaded';");

            // The page follows the device without a reload.
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(deviceFailure.get()).isNull();
                assertThat(ui.text(By.id("update-status"))).isEqualTo("in_sync");
                assertThat(ui.text(By.cssSelector("#actions .action-status"))).isEqualTo("finished");
            });
            assertThat(ui.driver.executeScript("return window.consoleMarker;")).isEqualTo("not reloaded");
            assertThat(ui.text(By.id("installed"))).isEqualTo("console-image:2.0");
            assertThat(ui.text(By.id("actions"))).contains("downloaded by the console test device");
            assertThat(ui.text(By.id("attributes"))).contains("console-test");
            ui.screenshot("target");
        } finally {
            stop.set(true);
            device.join(10_000);
        }

        // The list: filtered as typed, sorted, with the status.
        ui.open("/ui/targets");
        ui.type(By.id("q"), "controllerId==console*");
        await().atMost(WAIT).until(() -> ui.driver.getCurrentUrl().contains("q=controllerId"));
        await().atMost(WAIT).until(() -> "1".equals(ui.text(By.id("target-total"))));
        assertThat(ui.text(By.id("targets"))).contains("console-device").contains("in_sync");
        ui.screenshot("targets");

        ui.type(By.id("q"), "updateStatus=nonsense=x");
        await().atMost(WAIT).until(() -> ui.has(By.id("filter-error")));
        ui.type(By.id("q"), "");

        ui.open("/ui");
        assertThat(ui.text(By.id("count-in_sync"))).isEqualTo("1");
        ui.screenshot("dashboard");

        // The live feed: an event made now appears with the node it came from.
        ui.open("/ui/cluster");
        await().atMost(WAIT).until(() -> "live".equals(ui.text(By.id("feed-state"))));
        assertThat(api.mgmt("POST", "/rest/v1/targets", "[{\"controllerId\":\"fed-by-event\"}]")
                        .status())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> ui.text(By.id("feed")).contains("TargetCreatedEvent"));
        WebElement event =
                ui.driver.findElement(By.xpath("//tbody[@id='feed']/tr[td[2][text()='TargetCreatedEvent']]"));
        assertThat(event.getText()).contains(ui.text(By.id("self")));
        ui.screenshot("cluster");
    }

    @Test
    @Order(2)
    void operator_startsARolloutFromTheForm_andTheGroupBarsFollowTheDevicesLive() {
        ConsoleBrowser ui = browser();
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        RolloutDevices devices = new RolloutDevices();
        devices.create(fixture, "live-ro-0");
        devices.create(fixture, "live-ro-1");
        fixture.completeSet("console-ro");

        ui.signIn("admin", "admin");
        ui.open("/ui/rollouts");
        ui.type(By.cssSelector("#create-rollout input[name=name]"), "console-rollout");
        new Select(ui.driver.findElement(By.cssSelector("#create-rollout select[name=setId]")))
                .selectByVisibleText("console-ro-set:1");
        ui.type(By.id("targetFilterQuery"), "controllerId==live-ro-*");
        // The preview counts the matching targets as the filter is typed.
        await().atMost(WAIT).until(() -> ui.has(By.id("matching")) && "2".equals(ui.text(By.id("matching"))));
        ui.type(By.cssSelector("#create-rollout input[name=amountGroups]"), "2");
        ui.type(By.cssSelector("#create-rollout input[name=successThreshold]"), "100");
        ui.screenshot("rollouts");
        // Keyboard only: Enter in a field submits the form.
        ui.driver
                .findElement(By.cssSelector("#create-rollout input[name=successThreshold]"))
                .sendKeys(Keys.ENTER);
        ui.waitFor(By.id("cmd-start"));
        assertThat(ui.text(By.tagName("h1"))).isEqualTo("console-rollout");
        assertThat(ui.text(By.id("group-1"))).contains("1 notstarted");

        ui.driver.findElement(By.id("cmd-start")).click();
        await().atMost(WAIT).until(() -> ui.has(By.cssSelector(".notice")));
        await().atMost(WAIT).until(() -> "live".equals(ui.text(By.id("feed-state"))));
        ui.driver.executeScript("window.consoleMarker = 'not reloaded';");

        // From here on the page is never reloaded: the bars move on events of the stream only.
        await().atMost(WAIT).until(() -> "1 running".equals(groupCount(ui, 1, "running")));
        assertThat(ui.text(By.id("rollout-status"))).isEqualTo("running");
        assertThat(groupCount(ui, 2, "scheduled")).isEqualTo("1 scheduled");

        devices.finish(api, "live-ro-0", "success");
        await().atMost(WAIT).until(() -> "1 finished".equals(groupCount(ui, 1, "finished")));
        await().atMost(WAIT).until(() -> "1 running".equals(groupCount(ui, 2, "running")));
        assertThat(ui.driver
                        .findElement(By.cssSelector("#group-1 .seg-finished"))
                        .getAttribute("style"))
                .contains("width: 100%");
        assertThat(ui.driver.executeScript("return window.consoleMarker;")).isEqualTo("not reloaded");
        ui.screenshot("rollout");

        devices.finish(api, "live-ro-1", "success");
        await().atMost(WAIT).until(() -> "1 finished".equals(groupCount(ui, 2, "finished")));
        await().atMost(WAIT).until(() -> "finished".equals(ui.text(By.id("rollout-status"))));
        assertThat(ui.driver.executeScript("return window.consoleMarker;")).isEqualTo("not reloaded");
        assertThat(ui.has(By.cssSelector("#commands button"))).isFalse();

        // On a phone the page fits the screen's width.
        try {
            ui.driver.manage().window().setSize(new Dimension(390, 844));
            await().atMost(WAIT).until(() -> (Boolean)
                    ui.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"));
            ui.screenshot("rollout-phone");
        } finally {
            ui.driver.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    /** The legend entry of one status in a group's bar ("1 finished"), or null while the group has none. */
    private static String groupCount(ConsoleBrowser ui, int group, String status) {
        List<WebElement> found = ui.driver.findElements(By.cssSelector("#group-" + group + " .legend .n-" + status));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    @Test
    @Order(3)
    void readUser_seesEverythingButNoWriteButton() {
        ConsoleBrowser ui = browser();
        ApiClient api = new ApiClient(port);
        new Fixture(api).target("seen-by-viewer");

        ui.signIn("viewer", "v");
        ui.open("/ui/targets");
        assertThat(ui.text(By.id("targets"))).contains("seen-by-viewer");
        assertThat(ui.has(By.id("create-target"))).isFalse();
        ui.open("/ui/targets/seen-by-viewer");
        ui.waitFor(By.id("update-status"));
        assertThat(ui.has(By.id("assign"))).isFalse();
        assertThat(ui.has(By.cssSelector("button.danger"))).isFalse();
        ui.open("/ui/software");
        ui.waitFor(By.id("modules"));
        assertThat(ui.has(By.id("create-module"))).isFalse();
        assertThat(ui.has(By.id("create-set"))).isFalse();
        assertThat(ui.has(By.cssSelector("form.upload"))).isFalse();
        assertThat(ui.text(By.cssSelector(".role"))).isEqualTo("read only");
        ui.screenshot("read-only");
    }

    /** Polls until an update is offered, downloads it, reports progress and success; keeps polling until stopped. */
    private static void playDevice(
            ApiClient api, String token, AtomicBoolean stop, AtomicReference<Throwable> failure) {
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + token, "Accept", "application/hal+json");
        Map<String, String> json = Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json");
        String base = "/DEFAULT/controller/v1/console-device";
        try {
            api.send(
                    "PUT",
                    base + "/configData",
                    "{\"mode\":\"merge\",\"data\":{\"hwRevision\":\"console-test\"}}",
                    json);
            while (!stop.get()) {
                JsonNode poll = api.send("GET", base, (byte[]) null, auth).json();
                String deployment = poll.at("/_links/deploymentBase/href").asString("");
                if (!deployment.isEmpty()) {
                    JsonNode body =
                            api.send("GET", deployment, (byte[]) null, auth).json();
                    long id = body.get("id").asLong();
                    String download = body.at("/deployment/chunks/0/artifacts/0/_links/download-http/href")
                            .asString();
                    assertThat(api.send("GET", download, (byte[]) null, auth).body())
                            .hasSize(4096);
                    feedback(api, base, id, json, "proceeding", "none", "downloaded by the console test device");
                    feedback(api, base, id, json, "closed", "success", "installed");
                }
                Thread.sleep(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private static void feedback(
            ApiClient api,
            String base,
            long id,
            Map<String, String> json,
            String execution,
            String finished,
            String detail) {
        ApiClient.Response response = api.send(
                "POST",
                base + "/deploymentBase/" + id + "/feedback",
                "{\"id\":\"" + id
                        + "\",\"status\":{\"execution\":\"" + execution + "\",\"result\":{\"finished\":\"" + finished
                        + "\"},\"details\":[\"" + detail + "\"]}}",
                json);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }
}
