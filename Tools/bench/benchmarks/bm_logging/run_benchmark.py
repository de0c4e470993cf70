"""Logging: records through the logging package into an in-memory stream — messages below
the level (dropped early), plain messages, and %-formatted messages with arguments.
Checks the exact text written."""

import io
import logging

import pyperf

FORMAT = "%(levelname)s:%(name)s:%(message)s"


def make_logger():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger = logging.getLogger("braid.bench")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    return logger, stream


def run(logger, count):
    for i in range(count):
        logger.debug("dropped %d", i)           # below the level: filtered early
        logger.warning("plain message")
        logger.error("value %d of %s", i, "items")


def bench(loops, count):
    elapsed = 0.0
    for _ in range(loops):
        logger, stream = make_logger()
        t0 = pyperf.perf_counter()
        run(logger, count)
        elapsed += pyperf.perf_counter() - t0
        lines = stream.getvalue().splitlines()
        if (len(lines) != 2 * count or lines[0] != "WARNING:braid.bench:plain message"
                or lines[-1] != "ERROR:braid.bench:value %d of items" % (count - 1)):
            raise AssertionError("logging: unexpected output %r" % lines[:2])
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "logging to a StringIO stream"
    runner.bench_time_func("logging", bench, 2000)
