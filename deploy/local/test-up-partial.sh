#!/usr/bin/env bash
# Test (run by ./devshare test): `./devshare up` with one service that exits during start-up and one that is not
# ready in time names both with their logs, exits 1 and leaves the other services running; the next `up` starts only
# what is missing (the running ones keep their PIDs) and finishes. Runs ./devshare from a temporary copy of the
# repository whose servers.sh, demo data and the six jars (five services, the console) are stand-ins: each "service" is a tiny HTTP server
# answering /q/health/ready (503 while its directory holds a file named hang; it exits at once if one named exit is
# there). 10-30 s. Skipped (exit 0, with a message) when a port of the dev suite (8080-8085, 9000) is taken.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NAME="./devshare up with a failing service"
SERVICES=(partner-service sharing-service device-service project-service notification-service console)
fail() { printf 'FAILED: %s: %s\n' "$NAME" "$*" >&2; exit 1; }

for port in 8080 8081 8082 8083 8084 8085 9000; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "SKIPPED: $NAME: port $port is in use (a dev suite running?); the test needs 8080-8085 and 9000"
    exit 0
  fi
done
command -v javac >/dev/null 2>&1 || { echo "SKIPPED: $NAME: needs javac (a JDK)"; exit 0; }

TMP=$(mktemp -d)
CLONE="$TMP/clone"
cleanup() {
  (cd "$CLONE" && ./devshare stop >/dev/null 2>&1) || true
  rm -rf "$TMP"
}
trap cleanup EXIT

mkdir -p "$TMP/fake" "$CLONE/deploy/local" "$CLONE/deploy/jvm" "$CLONE/.local/dev"
cat >"$TMP/fake/FakeService.java" <<'EOF'
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

public class FakeService {
    public static void main(String[] a) throws Exception {
        if (Files.exists(Path.of("exit"))) {
            System.out.println("fake service: exits on purpose");
            System.exit(3);
        }
        // The console answers its health on its management port, the services on their only one.
        String management = System.getenv("DEVSHARE_CONSOLE_MANAGEMENT_PORT");
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(
                management != null ? management : System.getenv("QUARKUS_HTTP_PORT"))), 0);
        s.createContext("/q/health/ready", x -> {
            int status = Files.exists(Path.of("hang")) ? 503 : 200;
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        s.start();
        System.out.println("fake service: listening");
    }
}
EOF
javac -d "$TMP/fake" "$TMP/fake/FakeService.java"
printf 'Main-Class: FakeService\n' >"$TMP/fake/manifest"
jar cfm "$TMP/fake/fake.jar" "$TMP/fake/manifest" -C "$TMP/fake" FakeService.class
cp "$REPO/devshare" "$CLONE/"
cat >"$CLONE/deploy/local/servers.sh" <<'EOF'
#!/usr/bin/env bash
# stand-in: the servers "run"; env prints the dev profile's servers.env
DIR=$(cd "$(dirname "$0")/../.." && pwd)
case "$1" in
  env) echo "$DIR/.local/dev/servers.env" ;;
  *) echo "stand-in servers.sh $1" ;;
esac
EOF
chmod +x "$CLONE/deploy/local/servers.sh"
printf 'DEVSHARE_PG_PORT=1\nDEVSHARE_KAFKA_BOOTSTRAP=127.0.0.1:1\nDEVSHARE_KEYCLOAK_URL=http://127.0.0.1:1\nDEVSHARE_SMTP_HOST=127.0.0.1\nDEVSHARE_SMTP_PORT=1\nDEVSHARE_IMAP_PORT=1\nDEVSHARE_MAIL_API_URL=http://127.0.0.1:1\n' \
  >"$CLONE/.local/dev/servers.env"
printf 'import pathlib, sys\npathlib.Path(sys.argv[1]).parent.joinpath("demo-data-ran").touch()\n' \
  >"$CLONE/deploy/local/demo_data.py"
for svc in "${SERVICES[@]}"; do
  mkdir -p "$CLONE/$svc/target/quarkus-app"
  cp "$TMP/fake/fake.jar" "$CLONE/$svc/target/quarkus-app/quarkus-run.jar"
done
touch "$CLONE/device-service/exit" "$CLONE/project-service/hang"

up() { (cd "$CLONE" && DEVSHARE_SERVICE_JAVA_OPTS="-Xmx16m -XX:TieredStopAtLevel=1" DEVSHARE_SERVICE_START_TIMEOUT=8 \
  ./devshare up --no-build --detach 2>&1); }
pid_of() { cat "$CLONE/.local/dev/run/$1.pid" 2>/dev/null; }

# 1: device-service exits, project-service never gets ready: both named with their logs, the rest keeps running
if out=$(up); then fail "the first up succeeded although device-service exits: $out"; fi
grep -q "device-service exited during start-up; its log: $CLONE/.local/dev/logs/device-service.log" <<<"$out" ||
  fail "device-service's exit and log are not named: $out"
grep -q "project-service not ready after 8 s (still running, pid [0-9]*, left as it is); its log: $CLONE/.local/dev/logs/project-service.log" <<<"$out" ||
  fail "project-service's wait and log are not named: $out"
[[ ! -e "$CLONE/.local/dev/demo-data-ran" ]] || fail "demo data ran although two services were not ready"
declare -A before
for svc in partner-service sharing-service notification-service project-service; do
  pid=$(pid_of "$svc") && kill -0 "$pid" 2>/dev/null || fail "$svc is not running after the failed up: $out"
  before[$svc]=$pid
done

# 2: causes gone, up again: only device-service is started; the others keep their processes
rm "$CLONE/device-service/exit" "$CLONE/project-service/hang"
out=$(up) || fail "the second up failed: $out"
for svc in partner-service sharing-service notification-service project-service; do
  [[ $(pid_of "$svc") == "${before[$svc]}" ]] || fail "$svc was restarted by the second up: $out"
  grep -q "$svc already running (pid ${before[$svc]})" <<<"$out" || fail "$svc not reported as already running: $out"
done
grep -q "device-service starting" <<<"$out" || fail "device-service was not started by the second up: $out"
[[ -e "$CLONE/.local/dev/demo-data-ran" ]] || fail "demo data did not run after the second up"
echo "PASSED: $NAME"
