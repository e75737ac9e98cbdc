#!/usr/bin/env python3
"""End-to-end run of a three-node cluster started by scripts/cluster.sh (driven by scripts/cluster-e2e.sh).

Through the load balancer only: a distribution set with an artifact, 50 devices registered and polling, the set
assigned, every device driven through download and feedback to closed/success, while one node is killed with
SIGKILL in the middle and started again later. Direct node ports are used only to read /actuator/cluster and to
check the restarted node. Python 3 standard library only. Exits non-zero when an assertion fails.
"""
import base64
import hashlib
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

LB = "http://127.0.0.1:%s" % os.environ.get("LB_PORT", "8080")
NODE_PORTS = os.environ.get("NODE_PORTS", "8081 8082 8083").split()
STATS = "http://127.0.0.1:%s/stats;csv" % os.environ.get("LB_STATS_PORT", "8404")
CLUSTER_SH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cluster.sh")
DEVICES = int(os.environ.get("E2E_DEVICES", "50"))
VICTIM = int(os.environ.get("E2E_VICTIM", "2"))  # 1-based node number killed and restarted
POLL_INTERVAL = float(os.environ.get("E2E_POLL_INTERVAL", "1.0"))
NODE_ID_PREFIX = os.environ.get("NODE_ID_PREFIX", "node-")
TENANT = "DEFAULT"
MGMT_AUTH = "Basic " + base64.b64encode(b"admin:admin").decode()
T0 = time.monotonic()
FAILURES = []


def log(msg):
    print("%7.1fs e2e: %s" % (time.monotonic() - T0, msg), flush=True)


def check(condition, msg):
    if condition:
        log("OK   " + msg)
    else:
        log("FAIL " + msg)
        FAILURES.append(msg)


def request(method, url, body=None, headers=None, timeout=30):
    """(status, body bytes); status 0 = no HTTP answer at all (connection refused/reset, timeout)."""
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(url if url.startswith("http") else LB + url, data=data, method=method)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    if data is not None and "Content-Type" not in (headers or {}):
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:  # connection refused/reset, timeout, incomplete read
        return 0, str(e).encode()


def mgmt(method, path, body=None, base=LB, expect=(200, 201)):
    status, data = request(method, base + path, body, {"Authorization": MGMT_AUTH, "Accept": "application/json"})
    if status not in expect:
        raise RuntimeError("%s %s -> %s %s" % (method, path, status, data[:300]))
    return json.loads(data) if data else None


def wait_until(what, condition, timeout, interval=0.5):
    deadline = time.monotonic() + timeout
    start = time.monotonic()
    while time.monotonic() < deadline:
        value = condition()
        if value:
            log("%s after %.1f s" % (what, time.monotonic() - start))
            return value
        time.sleep(interval)
    raise RuntimeError("timed out after %d s waiting for: %s (last /actuator/cluster answer: %s)"
                       % (timeout, what, LAST_SEEN.get("cluster")))


LAST_SEEN = {}


def members(port):
    status, data = request("GET", "http://127.0.0.1:%s/actuator/cluster" % port, headers={"Authorization": MGMT_AUTH},
                           timeout=10)
    LAST_SEEN["cluster"] = "%s %s" % (status, data[:400].decode(errors="replace"))
    if status != 200:
        return None
    return sorted(m["id"] for m in json.loads(data)["members"])


def lb_server_state():
    status, data = request("GET", STATS, timeout=5)
    if status != 200:
        return {}
    header = None
    result = {}
    for line in data.decode().splitlines():
        fields = line.split(",")
        if line.startswith("# "):
            header = line[2:].split(",")
            continue
        if header and fields[0] == "nodes" and fields[1] not in ("FRONTEND", "BACKEND"):
            row = dict(zip(header, fields))
            result[fields[1]] = row
    return result


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.ok = {}
        self.failed = {}
        self.failed_samples = []
        self.feedback_replayed = 0

    def record(self, kind, status):
        with self.lock:
            if status and status < 500:
                self.ok[kind] = self.ok.get(kind, 0) + 1
            else:
                self.failed[kind] = self.failed.get(kind, 0) + 1
                if len(self.failed_samples) < 20:
                    self.failed_samples.append("%.1fs %s -> %s" % (time.monotonic() - T0, kind, status))


STATS_ = Stats()
PHASE = {"name": "before-kill"}
PHASE_FAILS = {}


class Device(threading.Thread):
    def __init__(self, index, token, artifact, stop):
        super().__init__(daemon=True, name="device-%d" % index)
        self.index = index
        self.cid = "e2e-device-%02d" % index
        self.auth = {"Authorization": "TargetToken " + token}
        self.artifact = artifact
        self.stop = stop
        self.start_delay = random.uniform(0, 12)
        self.state = "waiting"
        self.action_id = None
        self.feedback_sent = []  # messages acknowledged with 200 (or 410 on a replay)
        self.error = None

    def call(self, kind, method, path, body=None):
        """One request as a device makes it: on a failure it waits and retries (and each failure is counted)."""
        headers = dict(self.auth)
        while not self.stop.is_set():
            status, data = request(method, path, body, headers)
            STATS_.record(kind, status)
            if status == 0 or status >= 500:
                with STATS_.lock:
                    PHASE_FAILS[PHASE["name"]] = PHASE_FAILS.get(PHASE["name"], 0) + 1
                time.sleep(0.5)
                continue
            return status, data
        return None, None

    def poll(self):
        status, data = self.call("poll", "GET", "/%s/controller/v1/%s" % (TENANT, self.cid))
        if status is None:
            return None
        if status != 200:
            raise RuntimeError("%s poll -> %s %s" % (self.cid, status, data[:200]))
        return json.loads(data)

    def feedback(self, execution, finished, message):
        body = {"id": self.action_id, "status": {"execution": execution, "result": {"finished": finished},
                                                  "details": [message]}}
        path = "/%s/controller/v1/%s/deploymentBase/%s/feedback" % (TENANT, self.cid, self.action_id)
        status, data = self.call("feedback", "POST", path, body)
        if status == 410 and execution == "closed":
            # An earlier attempt of this very feedback was applied before its answer was lost.
            with STATS_.lock:
                STATS_.feedback_replayed += 1
        elif status != 200:
            raise RuntimeError("%s feedback %s -> %s %s" % (self.cid, execution, status, data[:200]))
        self.feedback_sent.append(message)

    def run(self):
        try:
            if self.stop.wait(self.start_delay):
                return
            self.state = "polling"
            while not self.stop.is_set():
                body = self.poll()
                if body is None:
                    return
                href = body.get("_links", {}).get("deploymentBase", {}).get("href")
                if href and self.state == "polling":
                    self.update(href)
                    self.state = "done"
                elif href and self.state == "done":
                    raise RuntimeError("%s: deploymentBase offered again after closing action %s" % (self.cid, self.action_id))
                self.stop.wait(POLL_INTERVAL)
        except Exception as e:  # noqa: BLE001 - reported by the main thread
            self.error = str(e)
            self.state = "error"

    def update(self, href):
        status, data = self.call("deploymentBase", "GET", href)
        if status != 200:
            raise RuntimeError("%s deploymentBase -> %s" % (self.cid, status))
        deployment = json.loads(data)
        self.action_id = int(deployment["id"])
        artifact = deployment["deployment"]["chunks"][0]["artifacts"][0]
        self.feedback("proceeding", "none", "%s downloading" % self.cid)
        self.stop.wait(POLL_INTERVAL)
        status, content = self.call("download", "GET", artifact["_links"]["download-http"]["href"])
        if status != 200 or hashlib.sha1(content).hexdigest() != self.artifact["sha1"]:
            raise RuntimeError("%s download -> %s, %d bytes" % (self.cid, status, len(content or b"")))
        self.feedback("proceeding", "none", "%s downloaded" % self.cid)
        self.stop.wait(POLL_INTERVAL)
        self.feedback("closed", "success", "%s installed" % self.cid)


def main():
    random.seed(7)
    log("load balancer %s, nodes on ports %s, %d devices, victim node %d" % (LB, " ".join(NODE_PORTS), DEVICES, VICTIM))
    victim_id = "%s%d" % (NODE_ID_PREFIX, VICTIM)
    victim_port = NODE_PORTS[VICTIM - 1]
    survivor_port = NODE_PORTS[VICTIM % len(NODE_PORTS)]
    all_ids = sorted("%s%d" % (NODE_ID_PREFIX, i + 1) for i in range(len(NODE_PORTS)))
    wait_until("all %d nodes in the member list" % len(all_ids), lambda: members(survivor_port) == all_ids, 60)

    # The update: a module with an artifact, a set holding it (all through the load balancer).
    run = uuid.uuid4().hex[:8]
    firmware = os.urandom(256 * 1024)
    module = mgmt("POST", "/rest/v1/softwaremodules", [{"name": "fw-" + run, "version": "1.0.0", "type": "os"}])[0]["id"]
    boundary = "----e2e" + run
    form = ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"update.swu\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n" % boundary).encode() + firmware + ("\r\n--%s--\r\n" % boundary).encode()
    status, data = request("POST", "/rest/v1/softwaremodules/%s/artifacts" % module, form,
                           {"Authorization": MGMT_AUTH, "Content-Type": "multipart/form-data; boundary=" + boundary})
    if status != 201:
        raise RuntimeError("upload -> %s %s" % (status, data[:300]))
    artifact = {"sha1": hashlib.sha1(firmware).hexdigest()}
    check(json.loads(data)["hashes"]["sha1"] == artifact["sha1"], "artifact uploaded through the load balancer")
    dist = mgmt("POST", "/rest/v1/distributionsets",
                [{"name": "image-" + run, "version": "1.0.0", "type": "os", "modules": [{"id": module}]}])[0]["id"]

    # 50 devices: created with tokens, then each polls once (registration) through the load balancer.
    created = mgmt("POST", "/rest/v1/targets",
                   [{"controllerId": "e2e-device-%02d" % i, "name": "E2E device %d" % i} for i in range(DEVICES)])
    tokens = {t["controllerId"]: t["securityToken"] for t in created}
    for i in range(DEVICES):
        status, data = request("GET", "/%s/controller/v1/e2e-device-%02d" % (TENANT, i),
                               headers={"Authorization": "TargetToken " + tokens["e2e-device-%02d" % i]})
        if status != 200 or "deploymentBase" in json.loads(data).get("_links", {}):
            raise RuntimeError("first poll of device %d -> %s %s" % (i, status, data[:200]))
    log("%d devices registered and polled" % DEVICES)

    assigned = mgmt("POST", "/rest/v1/distributionsets/%s/assignedTargets" % dist,
                    [{"id": "e2e-device-%02d" % i, "type": "forced"} for i in range(DEVICES)])
    check(assigned.get("assigned") == DEVICES, "set assigned to %d devices (answer: %s)" % (DEVICES, {k: v for k, v in assigned.items() if k != "assignedActions"}))

    stop = threading.Event()
    devices = [Device(i, tokens["e2e-device-%02d" % i], artifact, stop) for i in range(DEVICES)]
    for d in devices:
        d.start()
    t_run = time.monotonic()

    def done_count():
        return sum(1 for d in devices if d.state == "done")

    def errors():
        return [d.cid + ": " + d.error for d in devices if d.error]

    try:
        # Kill one node in the middle: once a few devices are through, most are not.
        wait_until("%d devices finished before the kill" % (DEVICES // 5),
                   lambda: errors() or done_count() >= DEVICES // 5, 120, 0.1)
        in_flight = sum(1 for d in devices if d.state == "polling" and d.action_id)
        PHASE["name"] = "failover"
        subprocess.run([CLUSTER_SH, "kill", str(VICTIM)], check=True)
        t_kill = time.monotonic()
        log("killed %s while %d devices were done and %d in the middle of their update" % (victim_id, done_count(), in_flight))

        survivors = sorted(set(all_ids) - {victim_id})
        shrunk = wait_until("member list shrank to the survivors",
                            lambda: members(survivor_port) if members(survivor_port) == survivors else None, 60)
        check(victim_id not in shrunk, "member list without %s: %s" % (victim_id, shrunk))
        wait_until("all devices finished", lambda: errors() or done_count() == DEVICES, 240, 0.2)
        t_done = time.monotonic()
        PHASE["name"] = "restart"

        log("starting %s again" % victim_id)
        t_restart = time.monotonic()
        subprocess.run([CLUSTER_SH, "start-node", str(VICTIM)], check=True)
        grown = wait_until("member list grew back",
                           lambda: members(survivor_port) if members(survivor_port) == all_ids else None, 60)
        check(grown == all_ids, "member list complete again: %s" % grown)
        wait_until("load balancer sends requests to %s again" % victim_id,
                   lambda: lb_server_state().get(victim_id, {}).get("status") == "UP", 60)
        before = int(lb_server_state()[victim_id]["stot"])
        wait_until("polls served by %s after its restart" % victim_id,
                   lambda: int(lb_server_state()[victim_id]["stot"]) >= before + 20, 60)
        t_back = time.monotonic()
    finally:
        stop.set()
        for d in devices:
            d.join(10)

    check(not errors(), "no device hit an unexpected answer %s" % errors()[:5])
    check(done_count() == DEVICES, "%d of %d devices finished their update" % (done_count(), DEVICES))

    # Assertions through the Management API (load balancer).
    not_in_sync, wrong_actions, lost = [], [], []
    for d in devices:
        target = mgmt("GET", "/rest/v1/targets/" + d.cid)
        if target.get("updateStatus") != "in_sync":
            not_in_sync.append((d.cid, target.get("updateStatus")))
        actions = mgmt("GET", "/rest/v1/targets/%s/actions?limit=50" % d.cid)
        content = actions.get("content", [])
        if len(content) != 1 or content[0].get("status") != "finished" or content[0].get("id") != d.action_id:
            wrong_actions.append((d.cid, [(a.get("id"), a.get("status")) for a in content]))
            continue
        statuses = mgmt("GET", "/rest/v1/targets/%s/actions/%s/status?limit=100" % (d.cid, d.action_id))
        messages = [m for s in statuses.get("content", []) for m in (s.get("messages") or [])]
        missing = [m for m in d.feedback_sent if not any(m in x for x in messages)]
        if missing or len(d.feedback_sent) != 3:
            lost.append((d.cid, missing, len(d.feedback_sent)))
    check(not not_in_sync, "all %d targets in_sync %s" % (DEVICES, not_in_sync[:5]))
    check(not wrong_actions, "exactly one action per device, finished %s" % wrong_actions[:5])
    check(not lost, "no feedback lost: 3 messages per device in its action history %s" % lost[:5])

    # The restarted node answers consistently: direct polls show no deploymentBase for finished devices, and its
    # Management API sees what the others wrote while it was down.
    inconsistent = []
    for d in devices:
        status, data = request("GET", "http://127.0.0.1:%s/%s/controller/v1/%s" % (victim_port, TENANT, d.cid), headers=d.auth)
        if status != 200 or "deploymentBase" in json.loads(data).get("_links", {}):
            inconsistent.append((d.cid, status))
    check(not inconsistent, "restarted %s: no deploymentBase for any finished device %s" % (victim_id, inconsistent[:5]))
    target = mgmt("GET", "/rest/v1/targets/" + devices[0].cid, base="http://127.0.0.1:%s" % victim_port)
    check(target.get("updateStatus") == "in_sync", "restarted %s reads %s as in_sync" % (victim_id, devices[0].cid))

    with STATS_.lock:
        ok, failed = dict(STATS_.ok), dict(STATS_.failed)
    lb = lb_server_state()
    print()
    log("==== summary ====")
    log("device requests answered: %s" % ok)
    log("device requests FAILED after the load balancer's retries: %d %s (by phase: %s)"
        % (sum(failed.values()), failed, PHASE_FAILS))
    for sample in STATS_.failed_samples:
        log("  failed: " + sample)
    log("failed DDI polls: %d (goal 0)" % failed.get("poll", 0))
    log("closed feedback answered 410 on a device retry (applied before the answer was lost): %d" % STATS_.feedback_replayed)
    log("load balancer: retries %s, redispatches %s" % (
        {n: r.get("wretr") for n, r in lb.items()}, {n: r.get("wredis") for n, r in lb.items()}))
    log("timings: kill at %.1f s after the devices started, all %d done %.1f s after the kill, %s healthy again %.1f s "
        "after its restart began, total %.1f s" % (t_kill - t_run, DEVICES, t_done - t_kill, victim_id, t_back - t_restart,
                                                 time.monotonic() - T0))
    check(failed.get("poll", 0) == 0, "0 failed DDI polls during the failover")
    if FAILURES:
        log("%d assertion(s) failed: %s" % (len(FAILURES), FAILURES))
        return 1
    log("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
