"""IANA time zone support (PEP 615): the ZoneInfo tzinfo and the time zone search path."""

__all__ = ["ZoneInfo", "reset_tzpath", "available_timezones", "TZPATH",
           "ZoneInfoNotFoundError", "InvalidTZPathWarning"]

from . import _tzpath
from ._common import ZoneInfoNotFoundError
from ._tzpath import InvalidTZPathWarning, available_timezones, reset_tzpath
from ._zoneinfo import ZoneInfo

TZPATH = _tzpath.TZPATH

