#!/usr/bin/env python3
"""Sends a burst of signed lead-capture events to the webhook API, as many chatbot conversations at
once would, and prints how fast they were acknowledged.

Usage: send-burst.py [--count N] [--senders C] [EVENT_JSON_FILE]

  --count N     events to send, each with a fresh conversation id (default 600)
  --senders C   concurrent senders, each sending its next event once the last was answered (16)
  EVENT_JSON_FILE  default: the example event (src/test/resources/events/example-lead.json)

Environment, as for send-test-event.sh: LEADS_WEBHOOK_SECRETS (unset: the secret
scripts/run-local.sh generated, .run/webhook-secret) and LEADS_API_URL (http://127.0.0.1:8080).
Signs with Standard Webhooks headers. Prints the answers by status and the acknowledgement time
p50 / p95 / p99 / max; exits 1 when an event was not accepted (202, or 200 for a duplicate).
Python 3 standard library only; sends to the API URL only.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import pathlib
import secrets
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

SCRIPT_DIR = pathlib.Path(__file__).resolve().parent


def signing_key():
    secret = os.environ.get("LEADS_WEBHOOK_SECRETS", "")
    local_secret = SCRIPT_DIR / "../../.run/webhook-secret"
    if not secret and local_secret.is_file():
        secret = local_secret.read_text(encoding="utf-8")
    secret = secret.split(",")[0].strip()
    if not secret:
        sys.exit("LEADS_WEBHOOK_SECRETS is not set; export the same secret(s) the API runs with")
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):])
    return secret.encode("utf-8")


def percentile(sorted_values, share):
    index = max(0, min(len(sorted_values) - 1, round(share * len(sorted_values)) - 1))
    return sorted_values[index]


def main():
    parser = argparse.ArgumentParser(add_help=True)
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--senders", type=int, default=16)
    parser.add_argument(
        "event_file", nargs="?", default=SCRIPT_DIR / "../src/test/resources/events/example-lead.json"
    )
    args = parser.parse_args()
    key = signing_key()
    event = json.loads(pathlib.Path(args.event_file).read_text(encoding="utf-8"))
    url = os.environ.get("LEADS_API_URL", "http://127.0.0.1:8080").rstrip("/")
    url += "/webhooks/lead-capture"
    run = secrets.token_hex(4)

    lock = threading.Lock()
    next_index = iter(range(args.count))
    statuses = Counter()
    millis = []

    def send(index):
        body = json.dumps({**event, "conversation_id": f"conv-burst-{run}-{index}"}).encode()
        msg_id = f"msg_{secrets.token_hex(12)}"
        timestamp = str(int(time.time()))
        signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
        signature = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "webhook-id": msg_id,
                "webhook-timestamp": timestamp,
                "webhook-signature": f"v1,{signature}",
            },
        )
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError as error:
            status = type(error).__name__
        return status, (time.perf_counter() - started) * 1000

    def sender():
        while True:
            with lock:
                index = next(next_index, None)
            if index is None:
                return
            status, elapsed = send(index)
            with lock:
                statuses[status] += 1
                millis.append(elapsed)

    started = time.perf_counter()
    threads = [threading.Thread(target=sender) for _ in range(args.senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started

    millis.sort()
    print(f"POST {url}: {args.count} events from {args.senders} senders in {seconds:.1f} s")
    print("answers: " + ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items(), key=str)))
    print(
        "acknowledged in p50 / p95 / p99 / max: "
        + " / ".join(f"{percentile(millis, share):.0f}" for share in (0.5, 0.95, 0.99, 1.0))
        + " ms"
    )
    accepted = statuses[202] + statuses[200]
    sys.exit(0 if accepted == args.count else 1)


if __name__ == "__main__":
    main()
