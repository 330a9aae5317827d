"""Crash and concurrency tests of the annotation store (real processes, SIGKILL)."""
