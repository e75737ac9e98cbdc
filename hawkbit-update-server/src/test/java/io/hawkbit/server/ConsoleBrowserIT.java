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
import org.openqa.selenium.StaleElementReferenceException;
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
        // The page's script sends the file itself and shows the result and the module's artifacts without a reload.
        await().atMost(WAIT)
                .until(() ->
                        ui.text(By.cssSelector("#main > .notice")).contains("Uploaded console-fw.swu (4096 bytes)"));
        await().atMost(WAIT)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> ui.text(By.id("modules")).contains("console-fw.swu"));

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

            // The page follows the device without a reload (reads may meet the moment htmx swaps the part).
            await().atMost(WAIT)
                    .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                    .untilAsserted(() -> {
                        assertThat(deviceFailure.get()).isNull();
                        assertThat(ui.text(By.id("update-status"))).isEqualTo("in_sync");
                        assertThat(ui.text(By.cssSelector("#actions .action-status")))
                                .isEqualTo("finished");
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
        // The device polled a few seconds ago; nothing else has.
        assertThat(ui.text(By.id("count-polled"))).isEqualTo("1");
        // Its polls (one every second while it worked) are requests, counted each: the device polled more than once.
        assertThat(Long.parseLong(ui.text(By.id("count-polls")))).isGreaterThan(1);
        assertThat(ui.text(By.id("polls-nodes"))).isEqualTo("on 1 node");
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
        // The group's bar and the rollout's status may come with two refreshes.
        await().atMost(WAIT)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> "running".equals(ui.text(By.id("rollout-status"))));
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
        // A finished rollout offers retry of its failed targets and delete, nothing else.
        await().atMost(WAIT)
                .ignoreExceptions()
                .until(() -> ui.driver.findElements(By.cssSelector("#commands button")).stream()
                        .map(b -> b.getAttribute("id"))
                        .toList()
                        .equals(List.of("cmd-retry", "cmd-delete")));

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

    @Test
    @Order(4)
    void operator_managesTagsAndTypes_andTagsATargetAndASetOnTheirPages() {
        ConsoleBrowser ui = browser();
        Fixture fixture = new Fixture(new ApiClient(port));
        fixture.target("tag-me");
        long set = fixture.completeSet("tag-me");
        ui.signIn("admin", "admin");

        ui.open("/ui/tags");
        ui.type(By.cssSelector("#create-target-tag input[name=name]"), "ring-canary");
        ui.type(By.cssSelector("#create-target-tag input[name=description]"), "first wave");
        ui.driver.findElement(By.cssSelector("#create-target-tag button")).click();
        notice(ui, "Created target tag ring-canary.");
        ui.type(By.cssSelector("#create-set-tag input[name=name]"), "released");
        // Keyboard only: Enter in the field submits.
        ui.driver
                .findElement(By.cssSelector("#create-set-tag input[name=name]"))
                .sendKeys(Keys.ENTER);
        notice(ui, "Created distribution set tag released.");
        assertThat(ui.text(By.id("target-tags"))).contains("ring-canary").contains("first wave");
        assertThat(ui.text(By.id("set-tags"))).contains("released");
        ui.screenshot("tags");

        ui.open("/ui/targets/tag-me");
        new Select(ui.driver.findElement(By.id("tag-choice"))).selectByVisibleText("ring-canary");
        ui.driver.findElement(By.cssSelector("#add-tag button")).click();
        notice(ui, "Tagged ring-canary.");
        assertThat(ui.text(By.id("tags"))).contains("ring-canary");
        ui.driver
                .findElement(By.cssSelector("#tags button[aria-label='Remove tag ring-canary']"))
                .click();
        notice(ui, "Removed tag ring-canary.");
        assertThat(ui.text(By.id("tags"))).doesNotContain("ring-canary");

        // A distribution set's page, opened from the Software list, tags it with the set tags.
        ui.open("/ui/software");
        ui.driver.findElement(By.linkText("tag-me-set:1")).click();
        ui.waitFor(By.id("set-facts"));
        assertThat(ui.text(By.tagName("h1"))).isEqualTo("tag-me-set:1");
        assertThat(ui.text(By.id("set-modules"))).isEqualTo("tag-me-os:1 (os)");
        new Select(ui.driver.findElement(By.id("tag-choice"))).selectByVisibleText("released");
        ui.driver.findElement(By.cssSelector("#add-tag button")).click();
        notice(ui, "Tagged released.");
        assertThat(ui.text(By.id("tags"))).contains("released");
        assertThat(new ApiClient(port)
                        .mgmt("GET", "/rest/v1/distributionsets?q=tag==released")
                        .json()
                        .get("content")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(set);
        ui.screenshot("set");
        ui.driver
                .findElement(By.cssSelector("#tags button[aria-label='Remove tag released']"))
                .click();
        notice(ui, "Removed tag released.");
        assertThat(ui.text(By.id("tags"))).doesNotContain("released");
        new Select(ui.driver.findElement(By.id("tag-choice"))).selectByVisibleText("released");
        ui.driver.findElement(By.cssSelector("#add-tag button")).click();
        notice(ui, "Tagged released.");

        ui.open("/ui/types");
        ui.type(By.cssSelector("#create-module-type input[name=key]"), "app");
        ui.type(By.cssSelector("#create-module-type input[name=name]"), "App module");
        ui.driver.findElement(By.cssSelector("#create-module-type button")).click();
        notice(ui, "Created software module type App module.");
        ui.type(By.cssSelector("#create-set-type input[name=key]"), "app-bundle");
        ui.type(By.cssSelector("#create-set-type input[name=name]"), "App bundle");
        ui.driver
                .findElement(By.xpath("//form[@id='create-set-type']//fieldset[1]//label[span[text()='app']]/input"))
                .click();
        ui.driver.findElement(By.cssSelector("#create-set-type button")).click();
        notice(ui, "Created distribution set type App bundle.");
        ui.type(By.cssSelector("#create-target-type input[name=name]"), "gateway");
        ui.driver
                .findElement(By.xpath("//form[@id='create-target-type']//label[span[text()='app-bundle']]/input"))
                .click();
        ui.driver.findElement(By.cssSelector("#create-target-type button")).click();
        notice(ui, "Created target type gateway.");
        assertThat(ui.text(By.id("set-types"))).contains("requires app; allows nothing");
        assertThat(ui.text(By.id("target-types"))).contains("installs app-bundle");
        ui.screenshot("types");

        ui.driver
                .findElement(By.cssSelector("#target-types button[aria-label='Delete gateway']"))
                .click();
        assertThat(ui.driver.switchTo().alert().getText()).isEqualTo("Delete type gateway?");
        ui.driver.switchTo().alert().accept();
        notice(ui, "Deleted type gateway.");
        assertThat(ui.has(By.cssSelector("#target-types tr[data-key='gateway']")))
                .isFalse();

        // On a phone the page fits the screen's width.
        try {
            ui.driver.manage().window().setSize(new Dimension(390, 844));
            await().atMost(WAIT).until(() -> (Boolean)
                    ui.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"));
        } finally {
            ui.driver.manage().window().setSize(new Dimension(1280, 800));
        }

        ui.signIn("viewer", "v");
        ui.open("/ui/tags");
        assertThat(ui.text(By.id("target-tags"))).contains("ring-canary");
        assertThat(ui.has(By.id("create-target-tag"))).isFalse();
        assertThat(ui.has(By.cssSelector("button.danger"))).isFalse();
        ui.open("/ui/types");
        assertThat(ui.has(By.id("create-module-type"))).isFalse();
        assertThat(ui.has(By.cssSelector("button.danger"))).isFalse();
        ui.open("/ui/software/sets/" + set);
        assertThat(ui.text(By.id("tags"))).contains("released");
        assertThat(ui.has(By.id("add-tag"))).isFalse();
        assertThat(ui.has(By.cssSelector("#tags button"))).isFalse();
    }

    @Test
    @Order(5)
    void operator_dropsFilesOnAModule_andAProgressBarFollowsTheUpload() {
        ConsoleBrowser ui = browser();
        long module = new Fixture(new ApiClient(port)).module("drop-target", "1", "os");
        ui.signIn("admin", "admin");
        ui.open("/ui/software");
        WebElement row = ui.waitFor(By.id("module-" + module));
        ui.driver.executeScript("window.consoleMarker = 'not reloaded';");
        // Every value the bar announces, to see it move; Selenium cannot drag a file from the desktop, so the page
        // gets the same drop event a browser makes, with two files of 3 MiB and 1 KiB.
        ui.driver.executeScript("""
                window.seen = [];
                var bar = arguments[0].querySelector('progress');
                var cell = arguments[0].querySelector('td');
                new MutationObserver(function () { window.seen.push(bar.getAttribute('aria-valuetext')); })
                  .observe(bar, { attributes: true, attributeFilter: ['aria-valuetext'] });
                var files = new DataTransfer();
                files.items.add(new File([new Uint8Array(3 * 1024 * 1024)], 'big.swu'));
                files.items.add(new File([new Uint8Array(1024)], 'small.sig'));
                cell.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: files }));
                window.dropFiles = files;
                """, row);
        ui.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
        assertThat(row.getAttribute("class")).contains("drop-over");
        ui.screenshot("upload-drop");
        ui.driver.executeScript(
                "arguments[0].dispatchEvent(new DragEvent('drop', { bubbles: true, dataTransfer: window.dropFiles }));",
                row.findElement(By.cssSelector("td")));

        await().atMost(WAIT)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> ui.text(By.cssSelector("#main > .notice"))
                        .equals("Uploaded big.swu (3145728 bytes). Uploaded small.sig (1024 bytes)."));
        await().atMost(WAIT)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> ui.text(By.id("module-" + module)).contains("big.swu")
                        && ui.text(By.id("module-" + module)).contains("small.sig"));
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) ui.driver.executeScript("return window.seen;");
        assertThat(seen).contains("big.swu: 0 %", "big.swu: 100 %", "small.sig: 100 %");
        assertThat(ui.driver
                        .findElement(By.cssSelector("#module-" + module + " progress"))
                        .isDisplayed())
                .isFalse();
        assertThat(ui.driver.executeScript("return window.consoleMarker;")).isEqualTo("not reloaded");
    }

    @Test
    @Order(6)
    void operator_createsARolloutWithGroupsOfTheirOwn_retriesItsFailedTargets_andDeletesTheRetry() {
        ConsoleBrowser ui = browser();
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        RolloutDevices devices = new RolloutDevices();
        devices.create(fixture, "grp-ro-canary");
        devices.create(fixture, "grp-ro-1");
        devices.create(fixture, "grp-ro-2");
        fixture.completeSet("console-grp");

        ui.signIn("admin", "admin");
        ui.open("/ui/rollouts");
        ui.type(By.cssSelector("#create-rollout input[name=name]"), "grouped");
        new Select(ui.driver.findElement(By.cssSelector("#create-rollout select[name=setId]")))
                .selectByVisibleText("console-grp-set:1");
        ui.type(By.id("targetFilterQuery"), "controllerId==grp-ro-*");
        await().atMost(WAIT).until(() -> ui.has(By.id("matching")) && "3".equals(ui.text(By.id("matching"))));
        new Select(ui.driver.findElement(By.id("start"))).selectByValue("auto");
        ui.driver.findElement(By.cssSelector("#explicit-groups summary")).click();
        List<WebElement> rows = ui.driver.findElements(By.cssSelector("#group-rows tbody tr"));
        assertThat(rows).hasSize(3);
        fill(rows.get(0), "canary", "controllerId==grp-ro-canary", "100", "", "");
        fill(rows.get(1), "half", "", "50", "", "");
        // Its one device fails: a success threshold of 0 lets the rollout finish rather than pause.
        fill(rows.get(2), "rest", "", "100", "0", "");
        // A fourth row on demand (not needed here: it stays blank and is left out).
        ui.driver.findElement(By.id("add-group")).click();
        assertThat(ui.driver.findElements(By.cssSelector("#group-rows tbody tr")))
                .hasSize(4);
        ui.screenshot("rollout-groups");
        ui.driver
                .findElement(By.cssSelector("#create-rollout button[type=submit]"))
                .click();

        ui.waitFor(By.id("group-3"));
        assertThat(ui.text(By.tagName("h1"))).isEqualTo("grouped");
        assertThat(ui.text(By.id("group-1"))).startsWith("canary");
        assertThat(ui.text(By.id("group-2"))).startsWith("half");
        assertThat(ui.text(By.id("group-3"))).startsWith("rest");
        assertThat(ui.has(By.id("group-4"))).isFalse();

        devices.finish(api, "grp-ro-canary", "success");
        devices.finish(api, "grp-ro-1", "success");
        devices.finish(api, "grp-ro-2", "failure");
        await().atMost(WAIT)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> "finished".equals(ui.text(By.id("rollout-status"))));
        ui.waitFor(By.id("cmd-retry")).click();
        await().atMost(WAIT).until(() -> "grouped_retry".equals(ui.text(By.tagName("h1"))));
        notice(ui, "Created rollout grouped_retry of the failed targets.");
        await().atMost(WAIT).until(() -> ui.text(By.id("group-1")).contains("1 notstarted"));

        // Delete asks first; dismissing keeps the rollout.
        ui.waitFor(By.id("cmd-delete")).click();
        ui.driver.switchTo().alert().dismiss();
        assertThat(ui.text(By.tagName("h1"))).isEqualTo("grouped_retry");
        ui.driver.findElement(By.id("cmd-delete")).click();
        assertThat(ui.driver.switchTo().alert().getText()).isEqualTo("Delete rollout grouped_retry?");
        ui.driver.switchTo().alert().accept();
        await().atMost(WAIT).until(() -> ui.driver.getCurrentUrl().endsWith("/ui/rollouts"));
        notice(ui, "Deleted rollout grouped_retry.");
        assertThat(ui.text(By.id("rollouts"))).contains("grouped").doesNotContain("grouped_retry");
    }

    /** Waits for the page's message to say {@code expected} (the click's page replaces the one before it). */
    private static void notice(ConsoleBrowser ui, String expected) {
        await().atMost(WAIT).ignoreExceptions().until(() -> expected.equals(ui.text(By.cssSelector(".notice"))));
    }

    private static void fill(WebElement row, String... values) {
        List<WebElement> inputs = row.findElements(By.tagName("input"));
        for (int i = 0; i < values.length; i++) {
            inputs.get(i).clear();
            inputs.get(i).sendKeys(values[i]);
        }
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
