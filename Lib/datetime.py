"""Dates, times, time differences and fixed-offset time zones (CPython 3.13's datetime API).

Braid's implementation is pure Python.  Calendar arithmetic uses proleptic Gregorian ordinals
(day 1 is 0001-01-01); a timedelta is kept normalised as (days, seconds, microseconds) with
0 <= seconds < 86400 and 0 <= microseconds < 10**6; float arguments are converted exactly
(float.as_integer_ratio) and the total is rounded once, half to even, to a microsecond.
strptime understands the common directives (%Y %y %m %d %H %I %M %S %f %p %j %b %B %a %A %z
%Z(UTC/GMT and the local names) %%) and raises ValueError for the others.
"""

import sys
import time as _time

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR",
           "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAX_ORDINAL = 3652059      # date(9999, 12, 31).toordinal()
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTH_NAMES = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec")
_FULL_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December")
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                   "Sunday")


# -- calendar arithmetic ---------------------------------------------------------------------
def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd_to_ordinal(year, month, day):
    leap_extra = 1 if month > 2 and _is_leap(year) else 0
    return _days_before_year(year) + _DAYS_BEFORE_MONTH[month] + leap_extra + day


def _ordinal_to_ymd(n):
    """Inverse of _ymd_to_ordinal, by whole 400-, 100-, 4- and 1-year cycles."""
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and leap else 0)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (1 if month == 2 and leap else 0)
    return year, month, n - before + 1


def _iso_week1_monday(year):
    jan4 = _ymd_to_ordinal(year, 1, 4)
    return jan4 - (jan4 + 6) % 7


def _check_int(value):
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    try:
        index = value.__index__
    except AttributeError:
        raise TypeError("an integer is required (got type %s)" % type(value).__name__) from None
    return index()


def _check_date_fields(year, month, day):
    year, month, day = _check_int(year), _check_int(month), _check_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute, second = _check_int(hour), _check_int(minute), _check_int(second)
    microsecond = _check_int(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


def _round_half_even(numerator, denominator):
    q, r = divmod(numerator, denominator)
    twice = 2 * r
    if twice > denominator or (twice == denominator and q % 2 == 1):
        q += 1
    return q


def _exact_ratio(value):
    """(numerator, denominator) of an int or float, exactly."""
    if isinstance(value, int):
        return value, 1
    if isinstance(value, float):
        return value.as_integer_ratio()
    raise TypeError("unsupported type for timedelta component: %s" % type(value).__name__)


# -- timedelta --------------------------------------------------------------------------------
class timedelta:
    """A duration: days, seconds and microseconds (normalised)."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        # Exact total in microseconds as a fraction, rounded once.
        num, den = 0, 1
        for value, unit in ((days, 86400 * 10**6), (seconds, 10**6), (microseconds, 1),
                            (milliseconds, 1000), (minutes, 60 * 10**6),
                            (hours, 3600 * 10**6), (weeks, 7 * 86400 * 10**6)):
            if isinstance(value, float) and (value != value or value in (float("inf"),
                                                                         float("-inf"))):
                raise ValueError("cannot convert float %s to integer" % value)
            n, d = _exact_ratio(value)
            num, den = num * d + n * unit * den, den * d
        return cls._from_microseconds(_round_half_even(num, den))

    @classmethod
    def _from_microseconds(cls, total):
        seconds, us = divmod(total, 10**6)
        days, seconds = divmod(seconds, 86400)
        if not -999999999 <= days <= 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 10**6 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_microseconds() / 10**6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._microseconds:
            parts.append("microseconds=%d" % self._microseconds)
        return "%s.%s(%s)" % (_module_name(self), type(self).__qualname__,
                              ", ".join(parts) or "0")

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = "%d:%02d:%02d" % (hours, minutes, seconds)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        if self._days:
            text = "%d day%s, %s" % (self._days, "" if abs(self._days) == 1 else "s", text)
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds()
                                                + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds()
                                                - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_microseconds(
                _round_half_even(self._to_microseconds() * n, d))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds(),
                                                                 other))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds() * d,
                                                                 n))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds()
                                                % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _compare(self, other):
        return _cmp(self._to_microseconds(), other._to_microseconds())

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) == 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return type(self), (self._days, self._seconds, self._microseconds)


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _module_name(obj):
    """'datetime' for our own classes (as CPython prints them), else the subclass's module."""
    module = type(obj).__module__
    return "datetime" if module == __name__ else module


# -- tzinfo and timezone ----------------------------------------------------------------------
class tzinfo:
    """Abstract base class for time zone information."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        """datetime in UTC (with tzinfo=self) -> the same instant in local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError("fromutc() requires a non-None utcoffset() result")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc() requires a non-None dst() result")
        standard = offset - dst
        if standard:
            dt += standard
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent results; cannot convert")
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        return type(self), args, getattr(self, "__dict__", None) or None


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) "
                         "and timedelta(hours=24).")


def _format_offset(offset, sep=":"):
    """'+HH:MM[:SS[.ffffff]]' for a timedelta (empty for None)."""
    if offset is None:
        return ""
    sign = "+"
    if offset.days < 0:
        sign = "-"
        offset = -offset
    hours, rest = divmod(offset, timedelta(hours=1))
    minutes, rest = divmod(rest, timedelta(minutes=1))
    text = "%s%02d%s%02d" % (sign, hours, sep, minutes)
    if rest.seconds or rest.microseconds:
        text += "%s%02d" % (sep, rest.seconds)
        if rest.microseconds:
            text += ".%06d" % rest.microseconds
    return text


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __slots__ = ("_offset", "_name")
    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("name must be a string")
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), not %r." % offset)
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s.%s(%r)" % (_module_name(self), type(self).__qualname__, self._offset)
        return "%s.%s(%r, %r)" % (_module_name(self), type(self).__qualname__, self._offset,
                                  self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset() argument must be a datetime instance or None")

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname() argument must be a datetime instance or None")

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst() argument must be a datetime instance or None")

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime instance or None")

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return "UTC"
        return "UTC" + _format_offset(delta)

    _maxoffset = timedelta(hours=24, microseconds=-1)
    _minoffset = -_maxoffset


timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# -- formatting helpers -------------------------------------------------------------------------
def _format_time(hh, mm, ss, us, timespec="auto"):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        us //= 1000
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


def _wrap_strftime(obj, fmt, timetuple):
    """Expand %f, %z, %:z and %Z ourselves, the rest with time.strftime."""
    out = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != "%" or i >= n:
            out.append(ch)
            continue
        code = fmt[i]
        i += 1
        if code == "f":
            out.append("%06d" % getattr(obj, "microsecond", 0))
        elif code == "z":
            offset = obj.utcoffset() if hasattr(obj, "utcoffset") else None
            out.append(_format_offset(offset, ""))
        elif code == ":" and i < n and fmt[i] == "z":
            i += 1
            offset = obj.utcoffset() if hasattr(obj, "utcoffset") else None
            out.append(_format_offset(offset, ":"))
        elif code == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            out.append("" if name is None else name.replace("%", "%%"))
        elif code == "%":
            out.append("%%")
        else:
            out.append("%" + code)
    return _time.strftime("".join(out), timetuple)


def _parse_isoformat_date(text):
    """YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D] -> (y, m, d)."""
    if len(text) >= 8 and text[4] == "W" or len(text) >= 9 and text[5] == "W":
        extended = text[4] == "-"
        pos = 6 if extended else 5
        year = int(text[:4])
        week = int(text[pos:pos + 2])
        pos += 2
        day = 1
        if pos < len(text):
            if extended:
                if text[pos] != "-":
                    raise ValueError
                pos += 1
            day = int(text[pos:])
        return _isocalendar_to_ymd(year, week, day)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        parts = text[:4], text[5:7], text[8:]
    elif len(text) == 8 and "-" not in text:
        parts = text[:4], text[4:6], text[6:]
    else:
        raise ValueError
    if not all(p.isdigit() and p.isascii() for p in parts):
        raise ValueError
    return int(parts[0]), int(parts[1]), int(parts[2])


def _isocalendar_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        long_year = (_ymd_to_ordinal(year, 1, 1) % 7 == 4 or
                     (_ymd_to_ordinal(year, 1, 1) % 7 == 3 and _is_leap(year)))
        if week != 53 or not long_year:
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid weekday: %d (range is [1, 7])" % day)
    return _ordinal_to_ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)


def _parse_isoformat_time(text):
    """HH[:MM[:SS[.fff[fff]]]][+HH:MM[:SS[.ffffff]]|Z] -> (h, m, s, us, tzinfo)."""
    tz = None
    for index, ch in enumerate(text):
        if ch in "+-Z":
            tz_text = text[index:]
            text = text[:index]
            if tz_text == "Z":
                tz = timezone.utc
            else:
                sign = -1 if tz_text[0] == "-" else 1
                h, m, s, us, _ = _parse_isoformat_time(tz_text[1:])
                offset = sign * timedelta(hours=h, minutes=m, seconds=s, microseconds=us)
                tz = timezone.utc if not offset else timezone(offset)
            break
    fraction = 0
    for sep in (".", ","):
        if sep in text:
            text, frac_text = text.split(sep, 1)
            if not frac_text.isdigit() or not frac_text.isascii():
                raise ValueError
            fraction = int((frac_text + "000000")[:6])
            break
    compact = text.replace(":", "")
    if ":" in text and len(text) not in (5, 8):
        raise ValueError
    if len(compact) not in (2, 4, 6) or not compact.isdigit() or not compact.isascii():
        raise ValueError
    hour = int(compact[:2])
    minute = int(compact[2:4] or 0)
    second = int(compact[4:6] or 0)
    return hour, minute, second, fraction, tz


# -- date -----------------------------------------------------------------------------------
class IsoCalendarDate(tuple):
    """(year, week, weekday) with names, as returned by isocalendar()."""

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __reduce__(self):
        return tuple, (tuple(self),)

    def __repr__(self):
        return "%s.%s(year=%d, week=%d, weekday=%d)" % (_module_name(self),
                                                       type(self).__name__, *self)


class date:
    """A date in the proleptic Gregorian calendar."""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hashcode = -1
        return self

    # constructors
    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.localtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= _MAX_ORDINAL:
            raise ValueError("ordinal must be >= 1")
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            return cls(*_parse_isoformat_date(date_string))
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % date_string) from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_isocalendar_to_ymd(year, week, day))

    @classmethod
    def strptime(cls, date_string, format):
        dt = datetime.strptime(date_string, format)
        return cls(dt.year, dt.month, dt.day)

    # fields
    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    def __repr__(self):
        return "%s.%s(%d, %d, %d)" % (_module_name(self), type(self).__qualname__,
                                      self._year, self._month, self._day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAY_NAMES[weekday - 1], _MONTH_NAMES[self._month],
                                            self._day, self._year)

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  self.toordinal() - _ymd_to_ordinal(self._year, 1, 1) + 1,
                                  -1))

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        ordinal = self.toordinal()
        week1 = _iso_week1_monday(year)
        if ordinal < week1:
            year -= 1
            week1 = _iso_week1_monday(year)
        elif ordinal >= _iso_week1_monday(year + 1):
            year += 1
            week1 = _iso_week1_monday(year)
        week, day = divmod(ordinal - week1, 7)
        return IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    __replace__ = replace

    # comparisons: a date never orders against a datetime
    def _compare(self, other):
        return _cmp((self._year, self._month, self._day),
                    (other._year, other._month, other._day))

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if isinstance(other, datetime) != isinstance(self, datetime):
            return NotImplemented if not isinstance(other, date) else False
        if self._comparable(other):
            return self._compare(other) == 0
        return NotImplemented

    def __lt__(self, other):
        if self._comparable(other):
            return self._compare(other) < 0
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other):
            return self._compare(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other):
            return self._compare(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other):
            return self._compare(other) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    # arithmetic
    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = self.toordinal() + other.days
            if 0 < ordinal <= _MAX_ORDINAL:
                return type(self).fromordinal(ordinal)
            raise OverflowError("result out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return type(self), (self._year, self._month, self._day)


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# -- time ---------------------------------------------------------------------------------------
class time:
    """A time of day, optionally with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold",
                 "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second,
                                                                     microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        text = time_string[1:] if time_string[:1] == "T" else time_string
        try:
            h, m, s, us, tz = _parse_isoformat_time(text)
            return cls(h, m, s, us, tz)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % time_string) from None

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset("utcoffset", offset)
        return offset

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset("dst", offset)
        return offset

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def isoformat(self, timespec="auto"):
        return (_format_time(self._hour, self._minute, self._second, self._microsecond,
                             timespec) + _format_offset(self.utcoffset()))

    __str__ = isoformat

    def strftime(self, format):
        return _wrap_strftime(self, format, (1900, 1, 1, self._hour, self._minute,
                                             self._second, 0, 1, -1))

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def __repr__(self):
        if self._microsecond:
            fields = "%d, %d, %d, %d" % (self._hour, self._minute, self._second,
                                         self._microsecond)
        elif self._second:
            fields = "%d, %d, %d" % (self._hour, self._minute, self._second)
        else:
            fields = "%d, %d" % (self._hour, self._minute)
        if self._tzinfo is not None:
            fields += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            fields += ", fold=1"
        return "%s.%s(%s)" % (_module_name(self), type(self).__qualname__, fields)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def _key(self, other):
        """Comparable keys for self and other (TypeError mixing naive and aware)."""
        mine, theirs = self.utcoffset(), other.utcoffset()
        fields = (self._hour, self._minute, self._second, self._microsecond)
        other_fields = (other._hour, other._minute, other._second, other._microsecond)
        if self._tzinfo is other._tzinfo or mine == theirs:
            return fields, other_fields
        if (mine is None) != (theirs is None):
            raise TypeError("cannot compare naive and aware times")
        to_us = lambda f: ((f[0] * 60 + f[1]) * 60 + f[2]) * 10**6 + f[3]
        return (to_us(fields) - mine._to_microseconds(),
                to_us(other_fields) - theirs._to_microseconds())

    def __eq__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        try:
            a, b = self._key(other)
        except TypeError:
            return False
        return a == b

    def __lt__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        a, b = self._key(other)
        return a < b

    def __le__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        a, b = self._key(other)
        return a <= b

    def __gt__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        a, b = self._key(other)
        return a > b

    def __ge__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        a, b = self._key(other)
        return a >= b

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.utcoffset()
            if not offset:
                self._hashcode = hash((self._hour, self._minute, self._second,
                                       self._microsecond))
            else:
                total = (((self._hour * 60 + self._minute) * 60 + self._second) * 10**6
                         + self._microsecond - offset._to_microseconds())
                self._hashcode = hash(total)
        return self._hashcode

    def __bool__(self):
        return True

    def __reduce__(self):
        return type(self), (self._hour, self._minute, self._second, self._microsecond,
                            self._tzinfo)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# -- datetime -------------------------------------------------------------------------------------
class datetime(date):
    """A date and a time of day, optionally with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second,
                                                                     microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    # constructors
    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        if isinstance(t, float):
            seconds = int(t // 1) if t >= 0 else -int((-t) // 1) - (1 if (-t) % 1 else 0)
            us = round((t - seconds) * 1e6)
            if us >= 1000000:
                seconds += 1
                us -= 1000000
            elif us < 0:
                seconds -= 1
                us += 1000000
        else:
            seconds, us = int(t), 0
        convert = _time.gmtime if utc else _time.localtime
        try:
            y, m, d, hh, mm, ss = convert(seconds)[:6]
        except (OverflowError, OSError) as exc:
            raise ValueError("year is out of range") from exc
        ss = min(ss, 59)      # leap seconds
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is None and not utc:
            # A repeated local hour: fold=1 when the earlier instant maps to the same wall time.
            probe = seconds - 86400
            if probe >= 0:
                offset_now = _time.localtime(seconds).tm_gmtoff
                offset_before = _time.localtime(probe).tm_gmtoff
                if offset_before != offset_now:
                    earlier = convert(seconds + offset_now - offset_before)[:6]
                    if earlier == (y, m, d, hh, mm, ss) and offset_before > offset_now:
                        result = result.replace(fold=1)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_timestamp(t, False, None)
        return tz.fromutc(cls._from_timestamp(t, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        import warnings
        warnings.warn("datetime.datetime.utcfromtimestamp() is deprecated and scheduled for "
                      "removal in a future version. Use timezone-aware objects to represent "
                      "datetimes in UTC: datetime.datetime.fromtimestamp(timestamp, "
                      "datetime.UTC).", DeprecationWarning, stacklevel=2)
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        import warnings
        warnings.warn("datetime.datetime.utcnow() is deprecated and scheduled for removal in a "
                      "future version. Use timezone-aware objects to represent datetimes in "
                      "UTC: datetime.datetime.now(datetime.UTC).", DeprecationWarning,
                      stacklevel=2)
        return cls._from_timestamp(_time.time(), True, None)

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= _MAX_ORDINAL:
            raise ValueError("ordinal must be >= 1")
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def combine(cls, date_part, time_part, tzinfo=True):
        if not isinstance(date_part, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date_part).__name__)
        if not isinstance(time_part, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time_part).__name__)
        if tzinfo is True:
            tzinfo = time_part.tzinfo
        return cls(date_part.year, date_part.month, date_part.day, time_part.hour,
                   time_part.minute, time_part.second, time_part.microsecond, tzinfo,
                   fold=time_part.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            date_text, time_text = date_string, ""
            if len(date_string) > 10 and not date_string[:8].isdigit() \
                    or len(date_string) > 8 and date_string[:8].isdigit():
                split_at = 10 if date_string[4:5] == "-" else 8
                if "W" in date_string[:9]:
                    split_at = 10 if date_string[4:5] == "-" else 8
                date_text = date_string[:split_at]
                rest = date_string[split_at:]
                if rest:
                    if rest[0] not in "T ":
                        raise ValueError
                    time_text = rest[1:]
            y, m, d = _parse_isoformat_date(date_text)
            hh = mm = ss = us = 0
            tz = None
            if time_text:
                hh, mm, ss, us, tz = _parse_isoformat_time(time_text)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % date_string) from None
        # Out-of-range fields report as the constructor does (hour must be in 0..23, ...).
        return cls(y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime(cls, date_string, format)

    # parts
    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset("utcoffset", offset)
        return offset

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset("dst", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                            % type(name).__name__)
        return name

    def _local_timestamp_seconds(self):
        """Seconds since the epoch of this naive local time (fold chooses among repeats)."""
        naive = (self.toordinal() - 719163) * 86400 + self._hour * 3600 + self._minute * 60 \
            + self._second
        candidates = []
        for guess_offset in {_time.localtime(naive - 86400).tm_gmtoff,
                             _time.localtime(naive + 86400).tm_gmtoff,
                             _time.localtime(naive).tm_gmtoff}:
            t = naive - guess_offset
            if _time.localtime(t).tm_gmtoff == guess_offset:
                candidates.append(t)
        candidates.sort()
        if not candidates:          # in a gap: as CPython, use the offset before/after
            before = _time.localtime(naive - 86400).tm_gmtoff
            after = _time.localtime(naive + 86400).tm_gmtoff
            return naive - (before if self._fold == 0 else after)
        return candidates[-1] if self._fold and len(candidates) > 1 else candidates[0]

    def timestamp(self):
        if self._tzinfo is None:
            return self._local_timestamp_seconds() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def timetuple(self):
        dst = self.dst()
        isdst = -1 if dst is None else (1 if dst else 0)
        return _time.struct_time((self._year, self._month, self._day, self._hour,
                                  self._minute, self._second, self.weekday(),
                                  self.toordinal() - _ymd_to_ordinal(self._year, 1, 1) + 1,
                                  isdst))

    def utctimetuple(self):
        offset = self.utcoffset()
        value = self - offset if offset else self
        y, m, d = value._year, value._month, value._day
        return _time.struct_time((y, m, d, value._hour, value._minute, value._second,
                                  value.weekday(),
                                  value.toordinal() - _ymd_to_ordinal(y, 1, 1) + 1, 0))

    def astimezone(self, tz=None):
        if tz is None:
            ts = self._local_timestamp_seconds() if self._tzinfo is None else \
                int((self - _EPOCH) // timedelta(seconds=1))
            local = _time.localtime(ts)
            tz = timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)
        elif not isinstance(tz, tzinfo):
            raise TypeError("tz argument must be an instance of tzinfo")
        if self._tzinfo is tz:
            return self
        offset = self.utcoffset()
        if offset is None:
            naive = self.replace(tzinfo=None)
            local_offset = _time.localtime(naive._local_timestamp_seconds()).tm_gmtoff
            offset = timedelta(seconds=local_offset)
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    # formatting
    def isoformat(self, sep="T", timespec="auto"):
        return ("%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep)
                + _format_time(self._hour, self._minute, self._second, self._microsecond,
                               timespec)
                + _format_offset(self.utcoffset()))

    def __str__(self):
        return self.isoformat(sep=" ")

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAY_NAMES[weekday - 1],
                                                  _MONTH_NAMES[self._month], self._day,
                                                  self._hour, self._minute, self._second,
                                                  self._year)

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second,
                  self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        text = ", ".join(str(f) for f in fields)
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            text += ", fold=1"
        return "%s.%s(%s)" % (_module_name(self), type(self).__qualname__, text)

    # comparisons and hashing
    def _key(self, other):
        mine, theirs = self.utcoffset(), other.utcoffset()
        fields = (self._year, self._month, self._day, self._hour, self._minute, self._second,
                  self._microsecond)
        other_fields = (other._year, other._month, other._day, other._hour, other._minute,
                        other._second, other._microsecond)
        if self._tzinfo is other._tzinfo:
            return fields, other_fields
        if (mine is None) != (theirs is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        if mine == theirs:
            return fields, other_fields
        return (self - mine).replace(tzinfo=None), (other - theirs).replace(tzinfo=None)

    def __eq__(self, other):
        if isinstance(other, datetime):
            try:
                a, b = self._key(other)
            except TypeError:
                return False
            return a == b
        if isinstance(other, date):
            return False
        return NotImplemented

    def _order(self, other, op):
        if isinstance(other, datetime):
            a, b = self._key(other)
            return op(a, b)
        if isinstance(other, date):
            raise TypeError("can't compare %s to %s" % (type(self).__name__,
                                                        type(other).__name__))
        return NotImplemented

    def __lt__(self, other):
        return self._order(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._order(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._order(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._order(other, lambda a, b: a >= b)

    def __hash__(self):
        if self._hashcode == -1:
            value = self.replace(fold=0) if self._fold else self
            offset = value.utcoffset()
            if offset is None:
                self._hashcode = hash((self._year, self._month, self._day, self._hour,
                                       self._minute, self._second, self._microsecond))
            else:
                naive = (value - offset).replace(tzinfo=None)
                self._hashcode = hash((naive._year, naive._month, naive._day, naive._hour,
                                       naive._minute, naive._second, naive._microsecond))
        return self._hashcode

    # arithmetic
    def _to_microseconds(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60
                 + self._second) * 10**6 + self._microsecond)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._to_microseconds() + other._to_microseconds()
        seconds, us = divmod(total, 10**6)
        days, seconds = divmod(seconds, 86400)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError("date value out of range")
        hh, rest = divmod(seconds, 3600)
        mm, ss = divmod(rest, 60)
        y, m, d = _ordinal_to_ymd(days)
        return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        delta = self._to_microseconds() - other._to_microseconds()
        if self._tzinfo is not other._tzinfo:
            mine, theirs = self.utcoffset(), other.utcoffset()
            if (mine is None) != (theirs is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if mine is not None:
                delta -= mine._to_microseconds() - theirs._to_microseconds()
        return timedelta._from_microseconds(delta)

    def __reduce__(self):
        return type(self), (self._year, self._month, self._day, self._hour, self._minute,
                            self._second, self._microsecond, self._tzinfo)


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


# -- strptime --------------------------------------------------------------------------------------
def _strptime(cls, text, fmt):
    """Parse text with the common strftime directives (see the module docstring)."""
    if not isinstance(text, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(text).__name__)
    if not isinstance(fmt, str):
        raise TypeError("strptime() argument 2 must be str, not %s" % type(fmt).__name__)
    fields = {"year": 1900, "month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0,
              "microsecond": 0}
    tz = None
    pm = None
    yday = None
    pos = 0
    i = 0

    def fail():
        raise ValueError("time data %r does not match format %r" % (text, fmt))

    def number(max_digits, min_digits=1):
        nonlocal pos
        end = pos
        while end < len(text) and end - pos < max_digits and text[end].isdigit():
            end += 1
        if end - pos < min_digits:
            fail()
        value = int(text[pos:end])
        pos = end
        return value

    def name(choices):
        nonlocal pos
        lowered = text[pos:].lower()
        for index in sorted(range(len(choices)), key=lambda k: -len(choices[k])):
            choice = choices[index]
            if choice and lowered.startswith(choice.lower()):
                pos += len(choice)
                return index
        fail()

    while i < len(fmt):
        ch = fmt[i]
        i += 1
        if ch != "%":
            if ch.isspace():
                while pos < len(text) and text[pos].isspace():
                    pos += 1
                continue
            if pos >= len(text) or text[pos] != ch:
                fail()
            pos += 1
            continue
        if i >= len(fmt):
            raise ValueError("stray %% in format '%s'" % fmt)
        code = fmt[i]
        i += 1
        if code == "Y":
            fields["year"] = number(4, 4)
        elif code == "y":
            year = number(2, 2)
            fields["year"] = year + (2000 if year < 69 else 1900)
        elif code == "m":
            fields["month"] = number(2)
        elif code == "d":
            fields["day"] = number(2)
        elif code == "H":
            fields["hour"] = number(2)
        elif code == "I":
            fields["hour"] = number(2)
            pm = False if pm is None else pm
        elif code == "M":
            fields["minute"] = number(2)
        elif code == "S":
            fields["second"] = number(2)
        elif code == "f":
            start = pos
            number(6)
            fields["microsecond"] = int((text[start:pos] + "000000")[:6])
        elif code == "p":
            pm = name(["AM", "PM"]) == 1
        elif code == "j":
            yday = number(3)
        elif code == "b" or code == "h":
            fields["month"] = name(_MONTH_NAMES)
        elif code == "B":
            fields["month"] = name(_FULL_MONTH_NAMES)
        elif code == "a":
            name(_DAY_NAMES)
        elif code == "A":
            name(_FULL_DAY_NAMES)
        elif code == "z":
            if text[pos:pos + 1] == "Z":
                pos += 1
                tz = timezone.utc
                continue
            if text[pos:pos + 1] not in ("+", "-"):
                fail()
            sign = -1 if text[pos] == "-" else 1
            pos += 1
            hours = number(2, 2)
            if text[pos:pos + 1] == ":":
                pos += 1
            minutes = number(2, 2)
            seconds = 0
            if text[pos:pos + 1] == ":" or text[pos:pos + 1].isdigit():
                if text[pos] == ":":
                    pos += 1
                seconds = number(2, 2)
            offset = sign * timedelta(hours=hours, minutes=minutes, seconds=seconds)
            tz = timezone.utc if not offset else timezone(offset)
        elif code == "Z":
            names = ["UTC", "GMT"] + [n for n in _time.tzname if n]
            name(names)
        elif code == "%":
            if text[pos:pos + 1] != "%":
                fail()
            pos += 1
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (code, "%" + code))
    if pos != len(text):
        raise ValueError("unconverted data remains: %s" % text[pos:])
    if pm is not None and "%I" in fmt:
        hour = fields["hour"] % 12
        fields["hour"] = hour + 12 if pm else hour
    if yday is not None and "%m" not in fmt and "%d" not in fmt:
        y, m, d = _ordinal_to_ymd(_ymd_to_ordinal(fields["year"], 1, 1) + yday - 1)
        fields["month"], fields["day"] = m, d
    return cls(fields["year"], fields["month"], fields["day"], fields["hour"],
               fields["minute"], fields["second"], fields["microsecond"], tz)
