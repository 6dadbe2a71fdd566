#!/usr/bin/python3
"""Writers for bench/soak.sh: one thread per section editor, each adding, correcting and
deleting records of its own register and now and then importing a small CSV file, for
the given number of seconds. Prints one line per minute:

    minute writes errors p99_ms

Standard library only (Debian's python3 has no requests): urllib with a cookie jar.

  soak_writers.py BASE_URL SECONDS USER:PASSWORD:REGISTER [...]
"""

import http.cookiejar
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request

# A register's values for one record, with the tag in its text field.
FIELDS = {
    "records_trainings": lambda tag, r: {"held_on": date(r), "title": tag,
                                         "participants": r.randint(1, 200),
                                         "satisfaction": r.randint(2, 10) / 2},
    "switchboard_audits": lambda tag, r: {"audited_on": date(r), "operator": tag,
                                          "score": r.randint(120, 200) / 2},
    "procurement_trainings": lambda tag, r: {"held_on": date(r), "title": tag,
                                             "category": r.choice(["採購專業人員訓練", "採購法專題講座",
                                                                   "採購業務說明會"]),
                                             "participants": r.randint(1, 200)},
}


def date(r):
    return "%d-%02d-%02d" % (r.randint(2015, 2018), r.randint(1, 12), r.randint(1, 28))


class Stats:
    def __init__(self, start):
        self.start = start
        self.lock = threading.Lock()
        self.minutes = {}  # minute -> [latencies ms], errors

    def add(self, latency_ms, ok):
        minute = int((time.monotonic() - self.start) // 60)
        with self.lock:
            latencies, errors = self.minutes.setdefault(minute, ([], [0]))
            latencies.append(latency_ms)
            if not ok:
                errors[0] += 1


class Writer(threading.Thread):
    def __init__(self, base, user, password, register, stats, deadline, seed):
        super().__init__(daemon=True)
        self.base, self.register, self.stats, self.deadline = base, register, stats, deadline
        self.random = random.Random(seed)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        status, body = self.call("POST", "/api/session", {"username": user, "password": password})
        if status != 201:
            raise SystemExit("cannot sign in %s: %s %s" % (user, status, body))
        self.csrf = json.loads(body)["csrf_token"]
        self.live = []  # (id, version)
        self.sequence = 0

    def call(self, method, path, body=None, raw=None, content_type="application/json"):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", content_type)
        if hasattr(self, "csrf"):
            request.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except OSError as error:
            return 0, str(error).encode()

    def timed(self, method, path, expected, **kwargs):
        began = time.monotonic()
        status, body = self.call(method, path, **kwargs)
        self.stats.add((time.monotonic() - began) * 1000, status == expected)
        return status, body

    def run(self):
        records = "/api/registers/%s/records" % self.register
        while time.monotonic() < self.deadline:
            self.sequence += 1
            tag = "soak-%s-%d" % (self.register, self.sequence)
            roll = self.random.random()
            if roll < 0.05:
                rows = [FIELDS[self.register]("%s-%03d" % (tag, n), self.random) for n in range(50)]
                csv = ",".join(rows[0]) + "\n" + "".join(
                    ",".join(str(v) for v in row.values()) + "\n" for row in rows)
                self.timed("POST", "/api/registers/%s/import?format=csv" % self.register, 201,
                           raw=csv.encode(), content_type="text/csv; charset=utf-8")
            elif roll < 0.55 or len(self.live) < 5:
                status, body = self.timed("POST", records, 201,
                                          body={"values": FIELDS[self.register](tag, self.random)})
                if status == 201:
                    record = json.loads(body)
                    self.live.append((record["id"], record["version"]))
            elif roll < 0.85:
                at = self.random.randrange(len(self.live))
                record_id, version = self.live[at]
                status, body = self.timed(
                    "PUT", "%s/%d" % (records, record_id), 200,
                    body={"version": version, "values": FIELDS[self.register](tag, self.random)})
                if status == 200:
                    self.live[at] = (record_id, json.loads(body)["version"])
            else:
                record_id, version = self.live.pop(self.random.randrange(len(self.live)))
                self.timed("DELETE", "%s/%d?version=%d" % (records, record_id, version), 204)


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    base, seconds = sys.argv[1], float(sys.argv[2])
    start = time.monotonic()
    stats = Stats(start)
    writers = []
    for n, account in enumerate(sys.argv[3:]):
        user, password, register = account.split(":")
        writers.append(Writer(base, user, password, register, stats, start + seconds, n + 1))
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    for minute in sorted(stats.minutes):
        latencies, errors = stats.minutes[minute]
        latencies.sort()
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0
        print("%d %d %d %.2f" % (minute + 1, len(latencies), errors[0], p99), flush=True)


if __name__ == "__main__":
    main()
