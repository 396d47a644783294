#!/usr/bin/env python3
"""Latency from a share grant's commit in sharing-service to its arrival in device-service's projection.

Called by share-propagation.sh with the services already running. For each of N devices rentco owns: POST /grants
(rentco shares the device with acme) and, as soon as the 201 arrives (the grant has committed), GET /devices/{id}
as acme on device-service in a tight loop until it answers 200: the grant travelled outbox -> relay -> Kafka ->
device-service's consumer -> device_access. Prints p50/p95/p99/max. The figure is an upper bound of commit ->
projection (it includes one HTTP round trip of the poll).
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request


def token(keycloak, user):
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "devshare-console", "username": user,
                                   "password": "devshare"}).encode()
    with urllib.request.urlopen(keycloak + "/realms/devshare/protocol/openid-connect/token", body) as r:
        return json.load(r)["access_token"]


def main():
    keycloak, sharing_port, device_port, ids_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    devices = [l.strip() for l in open(ids_file) if l.strip()]
    rentco, acme = token(keycloak, "rentco-admin"), token(keycloak, "acme-admin")
    sharing = http.client.HTTPConnection("127.0.0.1", sharing_port)
    device = http.client.HTTPConnection("127.0.0.1", device_port)
    latencies, polls = [], []
    for d in devices:
        body = json.dumps({"granteeOrg": "acme", "deviceIds": [d], "role": "VIEWER"})
        for attempt in range(200):  # sharing-service learns of freshly registered devices through device-events
            sharing.request("POST", "/grants", body, {"Authorization": "Bearer " + rentco,
                                                      "Content-Type": "application/json"})
            r = sharing.getresponse()
            r.read()
            if r.status == 201:
                break
            time.sleep(0.05)
        else:
            sys.exit("error: POST /grants kept answering %d for %s" % (r.status, d))
        committed = time.perf_counter()
        n = 0
        while True:
            n += 1
            device.request("GET", "/devices/" + d, headers={"Authorization": "Bearer " + acme})
            r = device.getresponse()
            r.read()
            if r.status == 200:
                break
            if time.perf_counter() - committed > 30:
                sys.exit("error: device %s not visible to acme 30 s after its grant" % d)
        latencies.append((time.perf_counter() - committed) * 1000)
        polls.append(n)
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies))) - 1)]
    print("RESULT samples=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f mean_polls=%.1f" % (
        len(latencies), q(50), q(95), q(99), latencies[-1], statistics.mean(polls)))


if __name__ == "__main__":
    main()
