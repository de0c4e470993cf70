"""Shared pieces of the zoneinfo package: the not-found error and the TZif reader."""

import struct

__all__ = ["ZoneInfoNotFoundError", "TZifData", "read_tzif"]


class ZoneInfoNotFoundError(KeyError):
    """No time zone with the requested key could be found."""


class TZifData:
    """The decoded contents of one TZif file.

    trans_utc: transition instants (seconds since the epoch, UTC), sorted.
    trans_idx: for each transition, the index into the type lists.
    utoff, isdst, abbr: per local time type (parallel lists).
    footer: the POSIX TZ string of a version 2+ file (str, may be empty) or None.
    """

    __slots__ = ("trans_utc", "trans_idx", "utoff", "isdst", "abbr", "footer")


_HEADER = struct.Struct(">4s c 15x 6l")


def _read_exact(fobj, n):
    data = fobj.read(n)
    if data is None or len(data) != n:
        raise ValueError("Invalid TZif file: unexpected end of file")
    return data


def _read_header(fobj):
    raw = fobj.read(_HEADER.size)
    if raw is None or len(raw) < 4 or raw[:4] != b"TZif":
        raise ValueError("Invalid TZif file: magic not found")
    if len(raw) != _HEADER.size:
        raise ValueError("Invalid TZif file: unexpected end of file")
    magic, version, isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = _HEADER.unpack(raw)
    if version == b"\x00":
        vnum = 1
    elif version in (b"2", b"3", b"4"):
        vnum = int(version)
    else:
        vnum = 2
    counts = (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt)
    if min(counts) < 0:
        raise ValueError("Invalid TZif file: negative count")
    return vnum, counts


def _read_block(fobj, counts, time_size):
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
    tfmt = ">%d%s" % (timecnt, "q" if time_size == 8 else "l")
    trans = list(struct.unpack(tfmt, _read_exact(fobj, timecnt * time_size)))
    idx = list(_read_exact(fobj, timecnt))
    utoff = []
    isdst = []
    abbrind = []
    for _ in range(typecnt):
        off, dst, ai = struct.unpack(">lBB", _read_exact(fobj, 6))
        utoff.append(off)
        isdst.append(bool(dst))
        abbrind.append(ai)
    chars = _read_exact(fobj, charcnt)
    # Leap second records and the std/wall and UT/local indicators do not change
    # the local times that zoneinfo reports, so they are skipped.
    _read_exact(fobj, leapcnt * (time_size + 4) + isstdcnt + isutcnt)
    abbr = []
    for ai in abbrind:
        end = chars.find(b"\x00", ai)
        if end < 0:
            end = len(chars)
        abbr.append(chars[ai:end].decode("ascii", "replace"))
    for i in idx:
        if i >= typecnt:
            raise ValueError("Invalid TZif file: transition type out of range")
    return trans, idx, utoff, isdst, abbr


def read_tzif(fobj):
    """Read a TZif stream (RFC 8536, versions 1 to 4) and return a TZifData."""
    vnum, counts = _read_header(fobj)
    if vnum == 1:
        block = _read_block(fobj, counts, 4)
        footer = None
    else:
        # Skip the version 1 data block, then read the 64-bit one.
        isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
        skip = (timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt)
        _read_exact(fobj, skip)
        vnum, counts = _read_header(fobj)
        block = _read_block(fobj, counts, 8)
        rest = fobj.read()
        footer = ""
        if rest:
            if rest[:1] != b"\n":
                raise ValueError("Invalid TZif file: footer must start with a newline")
            end = rest.find(b"\n", 1)
            if end < 0:
                raise ValueError("Invalid TZif file: unterminated footer")
            footer = rest[1:end].decode("ascii")
    data = TZifData()
    data.trans_utc, data.trans_idx, data.utoff, data.isdst, data.abbr = block
    data.footer = footer
    return data
