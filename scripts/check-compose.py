#!/usr/bin/env python3
"""Checks docker-compose.yml where no Docker Compose can validate it: it parses as YAML (PyYAML, merge keys
resolved) and holds the cluster's invariants. `docker compose config` (or `docker-compose config`) is the complete
schema check where a Compose client exists. Exits 0 with a notice when PyYAML is missing."""
import os
import re
import sys

try:
    import yaml
except ImportError:
    print("check-compose: PyYAML missing (apt-get install python3-yaml); skipped")
    sys.exit(0)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(root, "docker-compose.yml")) as f:
    compose = yaml.safe_load(f)
errors = []


def need(cond, msg):
    if not cond:
        errors.append(msg)


services = compose.get("services", {})
nodes = {k: v for k, v in services.items() if k.startswith("node-")}
need(len(nodes) == 3, "three update-server nodes, found %s" % sorted(nodes))
ids = [n.get("environment", {}).get("HAWKBIT_NODE_ID") for n in nodes.values()]
need(len(set(ids)) == 3 and None not in ids, "distinct HAWKBIT_NODE_ID per node: %s" % ids)
need(len({n.get("image") for n in nodes.values()}) == 1, "one image for all nodes")
for name, node in nodes.items():
    env = node.get("environment", {})
    need(env.get("SPRING_PROFILES_ACTIVE") == "cluster", name + ": cluster profile")
    # Artifacts in MinIO's bucket instead of a shared volume.
    need(env.get("HAWKBIT_ARTIFACT_STORAGE_TYPE") == "s3", name + ": artifact storage type s3")
    need(env.get("HAWKBIT_ARTIFACT_STORAGE_S3_ENDPOINT") == "http://minio:9000", name + ": S3 endpoint is MinIO")
    need(str(env.get("HAWKBIT_ARTIFACT_STORAGE_S3_PATHSTYLE")) == "true", name + ": path-style S3 access (MinIO)")
    need(env.get("HAWKBIT_ARTIFACT_STORAGE_S3_BUCKET"), name + ": names the artifact bucket")
    need(env.get("HAWKBIT_ARTIFACT_STORAGE_S3_ACCESSKEY") and env.get("HAWKBIT_ARTIFACT_STORAGE_S3_SECRETKEY"),
         name + ": S3 credentials")
    need(not any("artifacts" in str(v) for v in node.get("volumes", [])), name + ": no shared artifact volume left")
    need("/actuator/health/lb" in str(node.get("healthcheck", {}).get("test")), name + ": healthcheck on the lb group")
    need(env.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_LB_INCLUDE"), name + ": defines the lb health group")
    deps = node.get("depends_on", {})
    need(all(deps.get(s, {}).get("condition") == "service_healthy" for s in ("mariadb", "rabbitmq")),
         name + ": waits for healthy mariadb and rabbitmq")
    need(deps.get("minio-bucket", {}).get("condition") == "service_completed_successfully",
         name + ": waits for the artifact bucket to be created")
    pg = deps.get("postgresql", {})
    need(pg.get("condition") == "service_healthy" and pg.get("required") is False,
         name + ": waits for a healthy postgresql when its profile runs it (required: false)")
    url = str(env.get("SPRING_DATASOURCE_URL"))
    need(url == "jdbc:${DB:-mariadb}://${DB:-mariadb}/hawkbit",
         name + ": datasource URL follows DB (service name = JDBC scheme), found " + url)
for svc in ("mariadb", "rabbitmq", "loadbalancer", "minio", "minio-bucket"):
    need(svc in services, "service " + svc)
need("management" in services.get("rabbitmq", {}).get("image", ""), "RabbitMQ management image")
need(any("/var/lib/mysql" in str(v) for v in services.get("mariadb", {}).get("volumes", [])), "MariaDB data volume")
postgres = services.get("postgresql", {})
need(postgres.get("profiles") == ["postgresql"], "PostgreSQL service only in the postgresql profile")
need(any(str(v).startswith("pg-data:") for v in postgres.get("volumes", [])), "PostgreSQL data volume")
need("pg_isready" in str(postgres.get("healthcheck", {}).get("test")), "PostgreSQL healthcheck")
need(postgres.get("environment", {}).get("POSTGRES_DB") == "hawkbit", "PostgreSQL creates the hawkbit database")
minio = services.get("minio", {})
need(any(str(v).startswith("minio-data:") for v in minio.get("volumes", [])), "MinIO data volume")
need("ready" in str(minio.get("healthcheck", {}).get("test")), "MinIO healthcheck")
bucket_env = str(services.get("minio-bucket", {}).get("environment", {})) + str(services.get("minio-bucket", {}).get("entrypoint"))
need(all(str(n.get("environment", {}).get("HAWKBIT_ARTIFACT_STORAGE_S3_BUCKET")) in bucket_env for n in nodes.values()),
     "minio-bucket creates the bucket the nodes use")
need({"db-data", "pg-data", "minio-data"} <= set(compose.get("volumes", {})), "named volumes db-data, pg-data and minio-data")
lb = services.get("loadbalancer", {})
need(len(lb.get("ports", [])) >= 1, "load balancer publishes a port")
cfg = os.path.join(root, "scripts/docker/haproxy.cfg")
need(os.path.exists(cfg), "HAProxy config " + cfg)
if os.path.exists(cfg):
    text = open(cfg).read()
    for word in ("option redispatch", "retry-on", "httpchk GET /actuator/health/lb", "disable-l7-retry"):
        need(word in text, "haproxy.cfg has " + word)
    for name in nodes:
        need("server %s %s:8080" % (name, name) in text, "haproxy.cfg routes to " + name)
    # Event streams send a keep-alive comment every hawkbit.event-stream.keep-alive (15 s by default, unless a node
    # sets HAWKBIT_EVENT_STREAM_KEEP_ALIVE): HAProxy's idle timeouts must stay above it, or idle streams are cut.
    keep_alive = 15
    for name, node in nodes.items():
        value = str(node.get("environment", {}).get("HAWKBIT_EVENT_STREAM_KEEP_ALIVE", "15s"))
        m = re.fullmatch(r"(\d+)s", value)
        need(m is not None, name + ": HAWKBIT_EVENT_STREAM_KEEP_ALIVE in seconds (e.g. 15s), was " + value)
        keep_alive = max(keep_alive, int(m.group(1)) if m else 0)
    for kind in ("client", "server"):
        m = re.search(r"timeout %s (\d+)s" % kind, text)
        need(m is not None and int(m.group(1)) > 2 * keep_alive,
             "haproxy.cfg timeout %s above twice the event-stream keep-alive (%d s)" % (kind, keep_alive))

if errors:
    print("check-compose: FAILED\n  " + "\n  ".join(errors))
    sys.exit(1)
print("check-compose: docker-compose.yml parses and holds the cluster invariants (%d services)" % len(services))
