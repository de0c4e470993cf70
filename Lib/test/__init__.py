"""Braid's regression tests.  Run them with `python -m test`."""
