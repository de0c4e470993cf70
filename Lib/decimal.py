"""Decimal fixed- and floating-point arithmetic (pure Python).

This module implements the General Decimal Arithmetic Specification: decimal
numbers of arbitrary precision, correctly rounded under a Context that sets the
precision, rounding mode, exponent limits and which signals are trapped.

Internally a finite Decimal is (sign, coefficient, exponent) with a Python int
coefficient; special values carry a kind code and, for NaNs, an integer payload.
The current context is per thread (threading.local).
"""

import math as _math
import numbers as _numbers
import sys as _sys
from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context', 'DecimalTuple',
    'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero',
    'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

_ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,
              ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

if _sys.maxsize > 2**32:
    MAX_PREC = 999999999999999999
    MAX_EMAX = 999999999999999999
    MIN_EMIN = -999999999999999999
else:
    MAX_PREC = 425000000
    MAX_EMAX = 425000000
    MIN_EMIN = -425000000
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

HAVE_THREADS = True
HAVE_CONTEXTVAR = False

_HASH_MODULUS = _sys.hash_info.modulus
_HASH_INF = _sys.hash_info.inf

# Kinds of value held in Decimal._special.
_FINITE = 0
_INF = 1
_NAN = 2
_SNAN = 3


# ---------------------------------------------------------------------------
# Signals

class DecimalException(ArithmeticError):
    """Base class of all the signals of the decimal module."""


class Clamped(DecimalException):
    """The exponent of a result was altered to fit the context's limits."""


class InvalidOperation(DecimalException):
    """An operation had no meaningful result (the result is NaN)."""


class ConversionSyntax(InvalidOperation):
    """A string could not be converted to a Decimal."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite nonzero number was divided by zero."""


class DivisionImpossible(InvalidOperation):
    """The integer quotient does not fit in the precision."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero was divided by zero."""


class Inexact(DecimalException):
    """Rounding discarded nonzero digits."""


class InvalidContext(InvalidOperation):
    """The context was invalid for the operation."""


class Rounded(DecimalException):
    """Rounding discarded digits (possibly zeros)."""


class Subnormal(DecimalException):
    """The result's adjusted exponent is below Emin."""


class Overflow(Inexact, Rounded):
    """The result's exponent is too large to be represented."""


class Underflow(Inexact, Rounded, Subnormal):
    """A subnormal result was rounded inexactly."""


class FloatOperation(DecimalException, TypeError):
    """A float was implicitly mixed with a Decimal."""


_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped)

# Conditions that are reported through the flag of a signal.
_CONDITION_SIGNAL = {
    ConversionSyntax: InvalidOperation,
    DivisionImpossible: InvalidOperation,
    DivisionUndefined: InvalidOperation,
    InvalidContext: InvalidOperation,
}


# ---------------------------------------------------------------------------
# The current context (one per thread).  CPython keeps it in a ContextVar;
# Braid has no contextvars module yet, so it is thread-local state: threads
# are isolated, but generators and coroutines of one thread share it
# (HAVE_CONTEXTVAR is False, as in CPython builds without context variables).

from _thread import _local as _ThreadLocal

_local = _ThreadLocal()


def getcontext():
    """Return the current thread's context (a fresh copy of DefaultContext at first)."""
    try:
        return _local.context
    except AttributeError:
        context = Context()
        _local.context = context
        return context


def setcontext(context):
    """Make context the current thread's context."""
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _local.context = context


class _ContextManager:
    """Context manager that installs a copy of a context for a with-block."""

    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, exc_type, exc, tb):
        setcontext(self.saved_context)


_CONTEXT_KEYWORDS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp',
                     'flags', 'traps')


def localcontext(ctx=None, **kwargs):
    """Return a context manager that sets a copy of ctx (or the current
    context), updated by kwargs, as the current context inside a with-block."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    new_context = ctx.copy()
    for key, value in kwargs.items():
        if key not in _CONTEXT_KEYWORDS:
            raise TypeError("'%s' is an invalid keyword argument for this function"
                            % key)
        setattr(new_context, key, value)
    return _ContextManager(new_context)


# ---------------------------------------------------------------------------
# Coefficient helpers

def _ndigits(n):
    """Number of decimal digits of the non-negative int n (1 for 0)."""
    if n < _SMALL_LIMIT:
        # log10(2) ~ 1233 / 4096: d is the digit count or one less.
        d = (n.bit_length() * 1233) >> 12
        return d + 1 if n >= _POWERS_OF_TEN[d] else max(d, 1)
    # Estimate from the bit length, then correct by at most one.
    d = int(n.bit_length() * 0.30102999566398120) + 1
    if n < 10 ** (d - 1):
        d -= 1
    elif n >= 10 ** d:
        d += 1
    return d


_SMALL_LIMIT = 10 ** 200
_POWERS_OF_TEN = [10 ** i for i in range(202)]


# int <-> decimal string conversions of any size.  str(int) and int(str) are
# limited by sys.set_int_max_str_digits(); Decimal coefficients are not, so
# big values are converted in chunks (the limit is at least 640 digits).
_CHUNK_DIGITS = 512


def _int_from_digits(digits):
    """The int value of a string of decimal digits of any length."""
    if len(digits) <= _CHUNK_DIGITS:
        return int(digits)
    low_len = len(digits) // 2
    high = _int_from_digits(digits[:len(digits) - low_len])
    return high * 10 ** low_len + _int_from_digits(digits[len(digits) - low_len:])


def _digits_of(n):
    """The decimal digits of the non-negative int n, of any size."""
    if n < _POWERS_OF_TEN[200]:
        return str(n)
    half = _ndigits(n) // 2
    high, low = divmod(n, 10 ** half)
    return _digits_of(high) + _digits_of(low).rjust(half, '0')


def _round_increment(sign, q, r, divisor, rounding):
    """True if the truncated quotient q (remainder r of divisor) must be
    incremented in magnitude under rounding for a number of the given sign."""
    if r == 0:
        return False
    if rounding == ROUND_HALF_EVEN:
        twice = 2 * r
        return twice > divisor or (twice == divisor and q & 1)
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_HALF_UP:
        return 2 * r >= divisor
    if rounding == ROUND_HALF_DOWN:
        return 2 * r > divisor
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    # ROUND_05UP: round away from zero only if the kept last digit is 0 or 5.
    return q % 5 == 0


def _drop_digits(sign, coef, k, rounding):
    """Remove the k >= 1 lowest digits of coef, rounding. Return (coef, inexact)."""
    if k > 18 and k > _ndigits(coef) + 1:
        # Every digit is dropped and lies below half: any nonzero stand-in
        # below half rounds the same way (and 10**k may be huge).
        coef = 1 if coef else 0
        k = 2
    divisor = 10 ** k
    q, r = divmod(coef, divisor)
    if _round_increment(sign, q, r, divisor, rounding):
        q += 1
    return q, r != 0


# ---------------------------------------------------------------------------
# Parsing

def _parse_decimal(text):
    """Parse a numeric string. Return (sign, coef, exp, special) or None."""
    # Like CPython's decimal, underscores are ignored anywhere.
    s = text.strip()
    if '_' in s:
        s = s.replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    if not s[:1].isdecimal() and s[:1] != '.':
        lower = s.lower()
        if lower in ('inf', 'infinity'):
            return sign, 0, 0, _INF
        if lower.startswith('nan'):
            special, payload = _NAN, s[3:]
        elif lower.startswith('snan'):
            special, payload = _SNAN, s[4:]
        else:
            return None
        if payload and not payload.isdecimal():
            return None
        return sign, _int_from_digits(payload) if payload else 0, 0, special
    exp = 0
    pos = s.find('e')
    if pos < 0:
        pos = s.find('E')
    if pos >= 0:
        exp_text = s[pos + 1:]
        s = s[:pos]
        exp_digits = exp_text[1:] if exp_text[:1] in ('+', '-') else exp_text
        if not exp_digits.isdecimal():
            return None
        exp = _int_from_digits(exp_digits)
        if exp_text[0] == '-':
            exp = -exp
    point = s.find('.')
    if point >= 0:
        frac = s[point + 1:]
        digits = s[:point] + frac
        exp -= len(frac)
    else:
        digits = s
    # isdecimal() accepts any Unicode decimal digits, which int() converts.
    if not digits.isdecimal():
        return None
    return sign, _int_from_digits(digits), exp, _FINITE


def _new(sign, coef, exp, special=_FINITE):
    """Return a new Decimal built from its parts without validation."""
    self = object.__new__(Decimal)
    self._sign = sign
    self._int = coef
    self._exp = exp
    self._special = special
    return self


def _convert(value):
    """Convert an int (or Decimal) operand to a Decimal; NotImplemented otherwise."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return _new(1 if value < 0 else 0, abs(value), 0)
    return NotImplemented


def _convert_strict(value):
    """Convert an int or Decimal operand for a method call, else raise TypeError."""
    result = _convert(value)
    if result is NotImplemented:
        raise TypeError("conversion from %s to Decimal is not supported"
                        % type(value).__name__)
    return result


# ---------------------------------------------------------------------------
# Fixed-point transcendental kernels.  Each works on integers scaled by 10**w.

# (w, ln(10) * 10**w) for the largest w computed so far.  Replaced as a whole
# tuple, so threads never see a digit count paired with another's value.
_ln10_cache = (0, 0)


def _atanh_inverse(n, w):
    """atanh(1/n) * 10**w (truncated, error < a few units) for int n > 1."""
    one = 10 ** w
    term = one // n
    n2 = n * n
    total = term
    k = 1
    while term:
        term //= n2
        k += 2
        total += term // k
    return total


def _ln10(w):
    """ln(10) * 10**w, error below 1 unit."""
    global _ln10_cache
    cached_w, cached_value = _ln10_cache
    if cached_w >= w:
        return cached_value // 10 ** (cached_w - w)
    guard = w + 10
    ln2 = 2 * _atanh_inverse(3, guard)
    ln_five_quarters = 2 * _atanh_inverse(9, guard)
    value = 3 * ln2 + ln_five_quarters
    _ln10_cache = (guard, value)
    return value // 10 ** 10


def _exp_fixed(x, w):
    """exp(x / 10**w) * 10**w for |x / 10**w| <= 2, error of a few units."""
    # Halve the argument k times, sum the series, square back; a negative
    # argument uses exp(-y) = 1 / exp(y).
    k = 8
    guard = w + 6
    one = 10 ** guard
    r = (abs(x) * 10 ** 6) >> k
    total = one
    term = one
    n = 1
    while term:
        term = term * r // (one * n)
        total += term
        n += 1
    for _ in range(k):
        total = total * total // one
    if x < 0:
        total = one * one // total
    return total // 10 ** 6


def _ln_fixed(c, e, w):
    """ln(c * 10**e) * 10**w for the int c > 0, error of a few units."""
    n = _ndigits(c)
    guard = w + 8
    one = 10 ** guard
    # m = c / 10**n is in [0.1, 1); ln(x) = ln(m) + (e + n) * ln(10).
    m = c * one // 10 ** n if guard >= n else c // 10 ** (n - guard)
    # Bring m near 1 by square roots: ln(m) = 2**k * ln(m ** (1 / 2**k)).
    k = 0
    while abs(m - one) * 1000 > one:
        m = _math.isqrt(m * one)
        k += 1
    # ln(m) = 2 atanh((m - 1) / (m + 1)), summed for |t| then signed.
    negative = m < one
    t = abs(m - one) * one // (m + one)
    t2 = t * t // one
    total = t
    term = t
    j = 1
    while term:
        term = term * t2 // one
        j += 2
        total += term // j
    ln_m = (2 * total) << k
    if negative:
        ln_m = -ln_m
    ln_x = ln_m + (e + n) * _ln10(guard)
    return ln_x // 10 ** 8


def _scaled(c, e, w):
    """c * 10**e * 10**w as an int (truncated toward zero)."""
    shift = e + w
    if shift >= 0:
        return c * 10 ** shift
    return c // 10 ** (-shift)


# ---------------------------------------------------------------------------
# The Decimal type

class Decimal(object):
    """Floating-point decimal number: Decimal(value="0", context=None).

    value may be an int, a string, a float (converted exactly), a tuple
    (sign, digits, exponent) or another Decimal.
    """

    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse_decimal(value)
            if parsed is None:
                if context is None:
                    context = getcontext()
                context._raise(ConversionSyntax, "Invalid literal for Decimal")
                self._sign, self._int, self._exp, self._special = 0, 0, 0, _NAN
                return self
            self._sign, self._int, self._exp, self._special = parsed
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
            self._special = _FINITE
            return self
        if isinstance(value, Decimal):
            self._sign, self._int = value._sign, value._int
            self._exp, self._special = value._exp, value._special
            return self
        if isinstance(value, float):
            if context is None:
                context = getcontext()
            context._raise(FloatOperation,
                           "strict semantics for mixing floats and Decimals are enabled")
            other = Decimal._from_float(value)
            self._sign, self._int = other._sign, other._int
            self._exp, self._special = other._exp, other._special
            return self
        if isinstance(value, (list, tuple)):
            self._sign, self._int, self._exp, self._special = _from_tuple(value)
            return self
        raise TypeError("conversion from %s to Decimal is not supported"
                        % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """Convert a float (or int) to a Decimal exactly."""
        if isinstance(f, int):
            result = _new(1 if f < 0 else 0, abs(f), 0)
        elif isinstance(f, float):
            result = Decimal._from_float(f)
        else:
            raise TypeError("argument must be int or float")
        if cls is Decimal:
            return result
        return cls(result)

    @staticmethod
    def _from_float(f):
        """Exact Decimal value of the float f."""
        sign = 1 if _math.copysign(1.0, f) < 0 else 0
        if f != f:
            return _new(sign, 0, 0, _NAN)
        if f in (float('inf'), float('-inf')):
            return _new(sign, 0, 0, _INF)
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1          # d == 2**k
        return _new(sign, n * 5 ** k, -k)

    # -- properties and predicates ---------------------------------------

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        """Return self (a Decimal is its own conjugate)."""
        return self

    def adjusted(self):
        """Exponent of the most significant digit (0 for special values)."""
        if self._special:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def as_tuple(self):
        """Return DecimalTuple(sign, digits, exponent)."""
        if self._special == _INF:
            return DecimalTuple(self._sign, (0,), 'F')
        if self._special:
            digits = tuple(map(int, _digits_of(self._int))) if self._int else ()
            return DecimalTuple(self._sign, digits,
                                'n' if self._special == _NAN else 'N')
        return DecimalTuple(self._sign, tuple(map(int, _digits_of(self._int))), self._exp)

    def as_integer_ratio(self):
        """Return (n, d) with n / d == self exactly and d > 0 minimal."""
        if self._special == _INF:
            raise OverflowError("cannot convert Infinity to integer ratio")
        if self._special:
            raise ValueError("cannot convert NaN to integer ratio")
        n = -self._int if self._sign else self._int
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        d = 10 ** -self._exp
        g = _math.gcd(n, d)
        return n // g, d // g

    def canonical(self):
        """Return self (every Decimal is canonical)."""
        return self

    def is_canonical(self):
        """True: every Decimal is canonical."""
        return True

    def is_finite(self):
        """True if self is neither an infinity nor a NaN."""
        return self._special == _FINITE

    def is_infinite(self):
        """True if self is an infinity."""
        return self._special == _INF

    def is_nan(self):
        """True if self is a quiet or signaling NaN."""
        return self._special >= _NAN

    def is_qnan(self):
        """True if self is a quiet NaN."""
        return self._special == _NAN

    def is_snan(self):
        """True if self is a signaling NaN."""
        return self._special == _SNAN

    def is_signed(self):
        """True if self is negative (including -0 and negative NaNs)."""
        return self._sign == 1

    def is_zero(self):
        """True if self is a (positive or negative) zero."""
        return self._special == _FINITE and self._int == 0

    def is_normal(self, context=None):
        """True if self is finite, nonzero and not subnormal."""
        if self._special or self._int == 0:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() >= context.Emin

    def is_subnormal(self, context=None):
        """True if self is nonzero with adjusted exponent below Emin."""
        if self._special or self._int == 0:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def number_class(self, context=None):
        """Return the class of the number as a string such as '+Normal'."""
        if self._special == _SNAN:
            return 'sNaN'
        if self._special == _NAN:
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._special == _INF:
            return sign + 'Infinity'
        if self._int == 0:
            return sign + 'Zero'
        if self.is_subnormal(context):
            return sign + 'Subnormal'
        return sign + 'Normal'

    def radix(self):
        """Return Decimal(10), the radix of the arithmetic."""
        return Decimal(10)

    def same_quantum(self, other, context=None):
        """True if self and other have the same exponent (or are both NaN/Inf)."""
        other = _convert_strict(other)
        if self._special or other._special:
            return (self._special >= _NAN and other._special >= _NAN) or \
                (self._special == other._special == _INF)
        return self._exp == other._exp

    # -- string conversion ---------------------------------------------

    def __str__(self, eng=False, context=None):
        """Scientific (or engineering) string of the number."""
        sign = '-' if self._sign else ''
        if self._special == _INF:
            return sign + 'Infinity'
        if self._special:
            payload = _digits_of(self._int) if self._int else ''
            return sign + ('NaN' if self._special == _NAN else 'sNaN') + payload
        digits = _digits_of(self._int)
        exp = self._exp
        leftdigits = exp + len(digits)
        if exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exponent = ''
        else:
            if context is None:
                context = getcontext()
            exponent = ('E', 'e')[context.capitals == 0] + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exponent

    def to_eng_string(self, context=None):
        """Engineering string: the exponent is a multiple of 3."""
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    # -- numeric conversions -------------------------------------------

    def __bool__(self):
        return self._special != _FINITE or self._int != 0

    def _to_int(self):
        if self._special >= _NAN:
            raise ValueError("cannot convert NaN to integer")
        if self._special == _INF:
            raise OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        elif -self._exp > _ndigits(self._int):
            n = 0
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    def __int__(self):
        return self._to_int()

    __trunc__ = __int__

    def __float__(self):
        if self._special >= _NAN:
            if self._special == _SNAN:
                raise ValueError("cannot convert signaling NaN to float")
            return float('-nan') if self._sign else float('nan')
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def _to_integral_int(self, rounding):
        """Round to an int with the given rounding (finite values only)."""
        if self._special >= _NAN:
            raise ValueError("cannot round a NaN")
        if self._special == _INF:
            raise OverflowError("cannot round an infinity")
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n, _ = _drop_digits(self._sign, self._int, -self._exp, rounding)
        return -n if self._sign else n

    def __round__(self, n=None):
        if n is None:
            return self._to_integral_int(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError("optional arg must be an integer")
        return self.quantize(_new(0, 1, -n))

    def __floor__(self):
        return self._to_integral_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_integral_int(ROUND_CEILING)

    def __hash__(self):
        if self._special:
            if self._special == _SNAN:
                raise TypeError("Cannot hash a signaling NaN value")
            if self._special == _NAN:
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            h = self._int % _HASH_MODULUS * pow(10, self._exp, _HASH_MODULUS)
        else:
            h = self._int % _HASH_MODULUS * pow(_INV10, -self._exp, _HASH_MODULUS)
        h %= _HASH_MODULUS
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __format__(self, spec, _localeconv=None):
        return _format_decimal(self, spec, _localeconv)

    # -- comparison ------------------------------------------------------

    def _compare_key(self, other):
        """-1, 0, 1 comparing two non-NaN Decimals numerically."""
        if self._special == _INF or other._special == _INF:
            a = (-1 if self._sign else 1) if self._special == _INF else 0
            b = (-1 if other._sign else 1) if other._special == _INF else 0
            if a == b:
                return 0
            if self._special == _INF and other._special == _INF:
                return -1 if a < b else 1
            if self._special == _INF:
                return a
            return -b
        if self._int == 0 and other._int == 0:
            return 0
        if self._int == 0:
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        result = _compare_magnitude(self._int, self._exp, other._int, other._exp)
        return -result if self._sign else result

    def _compare_other(self, other, op_name):
        """Convert a float (or complex) for a rich comparison; None for
        unsupported types.  Records FloatOperation (ordering comparisons
        raise it when trapped)."""
        if isinstance(other, float):
            context = getcontext()
            if op_name == '__eq__':
                context._set_flag(FloatOperation)
            else:
                context._raise(FloatOperation,
                               "strict semantics for mixing floats and Decimals")
            return Decimal._from_float(other)
        if isinstance(other, complex) and op_name == '__eq__' and other.imag == 0:
            getcontext()._set_flag(FloatOperation)
            return Decimal._from_float(other.real)
        return None

    def __eq__(self, other):
        if isinstance(other, int):
            other = _convert(other)
        elif not isinstance(other, Decimal):
            if isinstance(other, _numbers.Rational):
                if self._special >= _NAN:
                    if self._special == _SNAN:
                        getcontext()._raise(InvalidOperation, "comparison involving sNaN")
                    return False
                return _compare_rational(self, other) == 0
            other = self._compare_other(other, '__eq__')
            if other is None:
                return NotImplemented
        if self._special == _SNAN or other._special == _SNAN:
            getcontext()._raise(InvalidOperation, "comparison involving sNaN")
            return False
        if self._special >= _NAN or other._special >= _NAN:
            return False
        return self._compare_key(other) == 0

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def _order(self, other, op_name):
        """Compare for <, <=, >, >=: an int in (-1, 0, 1), None for unordered
        (NaN), or NotImplemented."""
        if isinstance(other, int):
            other = _convert(other)
        elif not isinstance(other, Decimal):
            if isinstance(other, _numbers.Rational):
                if self._special >= _NAN:
                    getcontext()._raise(InvalidOperation, "comparison involving NaN")
                    return None
                return _compare_rational(self, other)
            other = self._compare_other(other, op_name)
            if other is None:
                return NotImplemented
        if self._special >= _NAN or other._special >= _NAN:
            getcontext()._raise(InvalidOperation, "comparison involving NaN")
            return None
        return self._compare_key(other)

    def __lt__(self, other):
        c = self._order(other, '__lt__')
        if c is NotImplemented:
            return c
        return c is not None and c < 0

    def __le__(self, other):
        c = self._order(other, '__le__')
        if c is NotImplemented:
            return c
        return c is not None and c <= 0

    def __gt__(self, other):
        c = self._order(other, '__gt__')
        if c is NotImplemented:
            return c
        return c is not None and c > 0

    def __ge__(self, other):
        c = self._order(other, '__ge__')
        if c is NotImplemented:
            return c
        return c is not None and c >= 0

    def compare(self, other, context=None):
        """Compare numerically: Decimal('-1'), Decimal('0'), Decimal('1') or NaN."""
        other = _convert_strict(other)
        context = context or getcontext()
        if self._special >= _NAN or other._special >= _NAN:
            return _nan_result(self, other, context)
        return _new(0, 0, 0) if self._compare_key(other) == 0 else \
            _new(1 if self._compare_key(other) < 0 else 0, 1, 0)

    def compare_signal(self, other, context=None):
        """Like compare(), but any NaN signals InvalidOperation."""
        other = _convert_strict(other)
        context = context or getcontext()
        if self._special >= _NAN or other._special >= _NAN:
            if self._special == _SNAN or other._special == _SNAN:
                return _nan_result(self, other, context)
            context._raise(InvalidOperation, "comparison involving NaN")
            return _nan_result(self, other, context)
        return self.compare(other, context)

    def compare_total(self, other, context=None):
        """Compare by the abstract representation (total order)."""
        other = _convert_strict(other)
        if self._sign != other._sign:
            return _new(1, 1, 0) if self._sign else _new(0, 1, 0)
        c = _total_compare_abs(self, other)
        if self._sign:
            c = -c
        return _new(0, 0, 0) if c == 0 else _new(1 if c < 0 else 0, 1, 0)

    def compare_total_mag(self, other, context=None):
        """compare_total of the absolute values."""
        other = _convert_strict(other)
        c = _total_compare_abs(self, other)
        return _new(0, 0, 0) if c == 0 else _new(1 if c < 0 else 0, 1, 0)

    def _minmax(self, other, context, want_max, use_mag):
        other = _convert_strict(other)
        context = context or getcontext()
        if self._special >= _NAN or other._special >= _NAN:
            if self._special == _SNAN or other._special == _SNAN:
                return _nan_result(self, other, context)
            if self._special == _NAN and other._special < _NAN:
                return other._fix(context)
            if other._special == _NAN and self._special < _NAN:
                return self._fix(context)
            return _nan_result(self, other, context)
        if use_mag:
            c = self.copy_abs()._compare_key(other.copy_abs())
        else:
            c = 0
        if c == 0:
            c = self._compare_key(other)
        if c == 0:
            # Equal values: order by total order of the representation.
            c = _total_compare_abs(self, other)
            if self._sign:
                c = -c
            if self._sign != other._sign:
                c = -1 if self._sign else 1
        if want_max:
            result = self if c >= 0 else other
        else:
            result = self if c <= 0 else other
        return result._fix(context)

    def max(self, other, context=None):
        """The larger of self and other (a NaN loses to a number)."""
        return self._minmax(other, context, True, False)

    def min(self, other, context=None):
        """The smaller of self and other (a NaN loses to a number)."""
        return self._minmax(other, context, False, False)

    def max_mag(self, other, context=None):
        """The operand of larger absolute value."""
        return self._minmax(other, context, True, True)

    def min_mag(self, other, context=None):
        """The operand of smaller absolute value."""
        return self._minmax(other, context, False, True)

    # -- rounding to the context --------------------------------------

    def _fix(self, context):
        """Round self to the context (NaN payloads trimmed)."""
        if self._special:
            if self._special >= _NAN:
                limit = context.prec - context.clamp
                if self._int and _ndigits(self._int) > limit:
                    return _new(self._sign, self._int % 10 ** limit, 0, self._special)
            return self
        return _finish(self._sign, self._int, self._exp, context)

    # -- arithmetic ------------------------------------------------------

    def __add__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _add(self, other, context or getcontext(), False)

    def __radd__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _add(other, self, context or getcontext(), False)

    def __sub__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _add(self, other, context or getcontext(), True)

    def __rsub__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _add(other, self, context or getcontext(), True)

    def __mul__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _multiply(self, other, context or getcontext())

    def __rmul__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _multiply(other, self, context or getcontext())

    def __truediv__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _divide(self, other, context or getcontext())

    def __rtruediv__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _divide(other, self, context or getcontext())

    def __floordiv__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _divmod(self, other, context or getcontext(), 1)[0]

    def __rfloordiv__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _divmod(other, self, context or getcontext(), 1)[0]

    def __mod__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _divmod(self, other, context or getcontext(), 2)[1]

    def __rmod__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _divmod(other, self, context or getcontext(), 2)[1]

    def __divmod__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _divmod(self, other, context or getcontext())

    def __rdivmod__(self, other, context=None):
        if type(other) is not Decimal:
            other = _convert(other)
            if other is NotImplemented:
                return other
        return _divmod(other, self, context or getcontext())

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if modulo is not None:
            modulo = _convert(modulo)
            if modulo is NotImplemented:
                return modulo
            return _power_modulo(self, other, modulo, context or getcontext())
        return _power(self, other, context or getcontext())

    def __rpow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, modulo, context)

    def __neg__(self, context=None):
        context = context or getcontext()
        if self._special >= _NAN:
            return _nan_result(self, None, context)
        if self._special == _FINITE and self._int == 0 and context.rounding != ROUND_FLOOR:
            sign = 0
        else:
            sign = 1 - self._sign
        return _new(sign, self._int, self._exp, self._special)._fix(context)

    def __pos__(self, context=None):
        context = context or getcontext()
        if self._special >= _NAN:
            return _nan_result(self, None, context)
        sign = self._sign
        if self._special == _FINITE and self._int == 0 and context.rounding != ROUND_FLOOR:
            sign = 0
        return _new(sign, self._int, self._exp, self._special)._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        context = context or getcontext()
        if self._special >= _NAN:
            return _nan_result(self, None, context)
        return _new(0, self._int, self._exp, self._special)._fix(context)

    def copy_abs(self):
        """Copy of self with the sign cleared (no rounding)."""
        return _new(0, self._int, self._exp, self._special)

    def copy_negate(self):
        """Copy of self with the sign inverted (no rounding)."""
        return _new(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        """Copy of self with the sign of other (no rounding)."""
        other = _convert_strict(other)
        return _new(other._sign, self._int, self._exp, self._special)

    def fma(self, other, third, context=None):
        """self * other + third with a single rounding."""
        other = _convert_strict(other)
        third = _convert_strict(third)
        context = context or getcontext()
        if self._special or other._special:
            if self._special == _SNAN or other._special == _SNAN:
                return _nan_result(self, other, context)
            if self._special == _NAN or other._special == _NAN:
                return _nan_result(self, other, context)
            if (self._special == _INF and other.is_zero()) or \
                    (other._special == _INF and self.is_zero()):
                return context._raise(InvalidOperation, "INF * 0 in fma")
            product = _new(self._sign ^ other._sign, 0, 0, _INF)
        else:
            product = _new(self._sign ^ other._sign, self._int * other._int,
                           self._exp + other._exp)
        if third._special >= _NAN:
            return _nan_result(third, None, context)
        return _add(product, third, context, False)

    def remainder_near(self, other, context=None):
        """self - other * n where n is self / other rounded to nearest even."""
        other = _convert_strict(other)
        return _remainder_near(self, other, context or getcontext())

    def sqrt(self, context=None):
        """Square root, correctly rounded (ROUND_HALF_EVEN)."""
        return _sqrt(self, context or getcontext())

    def exp(self, context=None):
        """e ** self, correctly rounded (ROUND_HALF_EVEN)."""
        return _exp(self, context or getcontext())

    def ln(self, context=None):
        """Natural logarithm, correctly rounded (ROUND_HALF_EVEN)."""
        return _log(self, context or getcontext(), False)

    def log10(self, context=None):
        """Base-10 logarithm, correctly rounded (ROUND_HALF_EVEN)."""
        return _log(self, context or getcontext(), True)

    def logb(self, context=None):
        """The adjusted exponent as a Decimal."""
        context = context or getcontext()
        if self._special >= _NAN:
            return _nan_result(self, None, context)
        if self._special == _INF:
            return _new(0, 0, 0, _INF)
        if self._int == 0:
            return context._raise(DivisionByZero, "logb(0)", 1)
        adj = self.adjusted()
        return _finish(1 if adj < 0 else 0, abs(adj), 0, context)

    def normalize(self, context=None):
        """Round to the context and strip trailing zeros."""
        context = context or getcontext()
        if self._special >= _NAN:
            return _nan_result(self, None, context)
        result = self._fix(context)
        if result._special:
            return result
        if result._int == 0:
            return _new(result._sign, 0, 0)
        exp_max = context.Etop() if context.clamp else context.Emax
        coef, exp = result._int, result._exp
        while coef % 10 == 0 and exp < exp_max:
            coef //= 10
            exp += 1
        return _new(result._sign, coef, exp)

    def quantize(self, exp, rounding=None, context=None):
        """Round to the exponent of exp."""
        exp = _convert_strict(exp)
        context = context or getcontext()
        return _quantize(self, exp, rounding or context.rounding, context)

    def to_integral_value(self, rounding=None, context=None):
        """Round to an integer without signalling Inexact or Rounded."""
        context = context or getcontext()
        if self._special >= _NAN:
            return _nan_result(self, None, context)
        if self._special or self._exp >= 0:
            return _new(self._sign, self._int, self._exp, self._special)
        coef, _ = _drop_digits(self._sign, self._int, -self._exp,
                               rounding or context.rounding)
        return _new(self._sign, coef, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        """Round to an integer, signalling Inexact and Rounded as needed."""
        context = context or getcontext()
        if self._special >= _NAN:
            return _nan_result(self, None, context)
        if self._special or self._exp >= 0:
            return _new(self._sign, self._int, self._exp, self._special)
        if self._int == 0:
            return _new(self._sign, 0, 0)
        coef, inexact = _drop_digits(self._sign, self._int, -self._exp,
                                     rounding or context.rounding)
        if inexact:
            context._raise(Inexact, "rounded to integral")
        context._raise(Rounded, "rounded to integral")
        return _new(self._sign, coef, 0)

    def next_plus(self, context=None):
        """The smallest representable number larger than self."""
        return _next(self, context or getcontext(), 1)

    def next_minus(self, context=None):
        """The largest representable number smaller than self."""
        return _next(self, context or getcontext(), -1)

    def next_toward(self, other, context=None):
        """The representable number closest to self in the direction of other."""
        other = _convert_strict(other)
        context = context or getcontext()
        if self._special >= _NAN or other._special >= _NAN:
            return _nan_result(self, other, context)
        c = self._compare_key(other)
        if c == 0:
            return self.copy_sign(other)
        result = _next(self, context, -1 if c > 0 else 1)
        if result._special == _INF:
            context._raise(Overflow, "next_toward overflow")
            context._raise(Inexact, "")
            context._raise(Rounded, "")
        elif result._special == _FINITE and result.adjusted() < context.Emin:
            context._raise(Underflow, "")
            context._raise(Subnormal, "")
            context._raise(Inexact, "")
            context._raise(Rounded, "")
            if result._int == 0:
                context._raise(Clamped, "")
        return result

    def scaleb(self, other, context=None):
        """self * 10 ** other for an integral other."""
        other = _convert_strict(other)
        context = context or getcontext()
        if self._special >= _NAN or other._special >= _NAN:
            return _nan_result(self, other, context)
        if other._special or other._exp != 0:
            return context._raise(InvalidOperation, "scaleb needs an integer")
        limit = 2 * (context.Emax + context.prec)
        n = other._to_int()
        if not -limit <= n <= limit:
            return context._raise(InvalidOperation, "scaleb out of range")
        if self._special:
            return self
        return _finish(self._sign, self._int, self._exp + n, context)

    def _shift_check(self, other, context):
        other = _convert_strict(other)
        if self._special >= _NAN or other._special >= _NAN:
            return None, _nan_result(self, other, context)
        if other._special or other._exp != 0 or \
                not -context.prec <= other._to_int() <= context.prec:
            return None, context._raise(InvalidOperation, "invalid shift count")
        return other._to_int(), None

    def rotate(self, other, context=None):
        """Rotate the digits of the coefficient by other places."""
        context = context or getcontext()
        n, error = self._shift_check(other, context)
        if error is not None:
            return error
        if self._special:
            return self
        prec = context.prec
        digits = _digits_of(self._int).rjust(prec, '0')[-prec:]
        n %= prec
        digits = digits[n:] + digits[:n]
        return _new(self._sign, _int_from_digits(digits), self._exp)

    def shift(self, other, context=None):
        """Shift the digits of the coefficient by other places."""
        context = context or getcontext()
        n, error = self._shift_check(other, context)
        if error is not None:
            return error
        if self._special:
            return self
        prec = context.prec
        if n >= 0:
            coef = self._int * 10 ** n % 10 ** prec
        else:
            coef = (self._int % 10 ** prec) // 10 ** -n
        return _new(self._sign, coef, self._exp)

    def _logical_digits(self, context):
        if self._special or self._sign or self._exp != 0 or \
                set(_digits_of(self._int)) - {'0', '1'}:
            return None
        return _digits_of(self._int).rjust(context.prec, '0')[-context.prec:]

    def _logical(self, other, context, op):
        other = _convert_strict(other)
        context = context or getcontext()
        a = self._logical_digits(context)
        b = other._logical_digits(context)
        if a is None or b is None:
            return context._raise(InvalidOperation, "invalid logical operand")
        digits = ''.join(str(op(int(x), int(y))) for x, y in zip(a, b))
        return _new(0, _int_from_digits(digits), 0)

    def logical_and(self, other, context=None):
        """Digit-wise and of two logical operands (digits 0 and 1)."""
        return self._logical(other, context, lambda x, y: x & y)

    def logical_or(self, other, context=None):
        """Digit-wise or of two logical operands."""
        return self._logical(other, context, lambda x, y: x | y)

    def logical_xor(self, other, context=None):
        """Digit-wise exclusive or of two logical operands."""
        return self._logical(other, context, lambda x, y: x ^ y)

    def logical_invert(self, context=None):
        """Digit-wise inversion of a logical operand, to prec digits."""
        context = context or getcontext()
        return self._logical(_new(0, (10 ** context.prec - 1) // 9, 0), context,
                             lambda x, y: x ^ y)


_INV10 = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')

_numbers.Number.register(Decimal)


def _from_tuple(value):
    """Parts (sign, coef, exp, special) of a (sign, digits, exponent) tuple."""
    if len(value) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = value
    if not (isinstance(sign, int) and sign in (0, 1)):
        raise ValueError("sign must be an integer with the value 0 or 1")
    if exp == 'F':
        return sign, 0, 0, _INF
    special = _FINITE
    if exp == 'n':
        special = _NAN
    elif exp == 'N':
        special = _SNAN
    elif not isinstance(exp, int):
        raise ValueError("exponent must be an integer")
    if not isinstance(digits, (list, tuple)):
        raise ValueError("coefficient must be a tuple of digits")
    coef = 0
    for d in digits:
        if not (isinstance(d, int) and 0 <= d <= 9):
            raise ValueError("coefficient must be a tuple of digits")
        coef = coef * 10 + d
    if special:
        return sign, coef, 0, special
    return sign, coef, exp, _FINITE


def _compare_magnitude(c1, e1, c2, e2):
    """Compare c1 * 10**e1 with c2 * 10**e2 (positive coefficients)."""
    a1 = e1 + _ndigits(c1)
    a2 = e2 + _ndigits(c2)
    if a1 != a2:
        return -1 if a1 < a2 else 1
    if e1 > e2:
        c1 *= 10 ** (e1 - e2)
    else:
        c2 *= 10 ** (e2 - e1)
    return (c1 > c2) - (c1 < c2)


def _compare_rational(dec, q):
    """Compare the non-NaN Decimal dec with the Rational q (-1, 0, 1)."""
    if dec._special == _INF:
        return -1 if dec._sign else 1
    n, d = dec.as_integer_ratio()
    left = n * q.denominator
    right = q.numerator * d
    return (left > right) - (left < right)


# Order of the kinds of value in the total ordering (finite < inf < sNaN < NaN).
_TOTAL_ORDER_RANK = {_FINITE: 0, _INF: 1, _SNAN: 2, _NAN: 3}


def _total_compare_abs(a, b):
    """Total-order comparison of |a| and |b| by representation."""
    if a._special != b._special:
        rank_a = _TOTAL_ORDER_RANK[a._special]
        rank_b = _TOTAL_ORDER_RANK[b._special]
        return -1 if rank_a < rank_b else 1
    if a._special >= _NAN:
        return (a._int > b._int) - (a._int < b._int)
    if a._special == _INF:
        return 0
    if a._int and b._int:
        c = _compare_magnitude(a._int, a._exp, b._int, b._exp)
    else:
        c = (a._int != 0) - (b._int != 0)
    if c:
        return c
    return (a._exp > b._exp) - (a._exp < b._exp)


def _nan_result(a, b, context):
    """Result of an operation with a NaN operand: sNaN signals
    InvalidOperation; the first NaN (its payload) is returned quiet."""
    for op in (a, b):
        if op is not None and op._special == _SNAN:
            context._raise(InvalidOperation, "sNaN operand")
            return _new(op._sign, op._int, 0, _NAN)._fix(context)
    for op in (a, b):
        if op is not None and op._special == _NAN:
            return op._fix(context)
    return None


def _overflow_result(sign, context, rounding=None):
    """Result (and signals) of an overflow: Infinity or the largest finite."""
    context._raise(Inexact, "overflow")
    context._raise(Rounded, "overflow")
    rounding = rounding or context.rounding
    context._raise(Overflow, "above Emax")
    to_infinity = rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) \
        or (rounding == ROUND_CEILING and sign == 0) \
        or (rounding == ROUND_FLOOR and sign == 1)
    if to_infinity:
        return _new(sign, 0, 0, _INF)
    return _new(sign, 10 ** context.prec - 1, context.Emax - context.prec + 1)


def _round_finite(sign, coef, exp, prec, etiny, rounding, n=None):
    """Round a finite nonzero number (of n digits, if known) to prec digits
    and exponent >= etiny.  Return (coef, exp, inexact, rounded)."""
    if n is None:
        n = _ndigits(coef)
    exp_min = max(exp + n - prec, etiny)
    if exp >= exp_min:
        return coef, exp, False, False
    k = exp_min - exp
    if k > n + 1:
        # All digits are dropped and lie below half an ulp: keep a sticky 1.
        coef = 1
        k = 2
    coef, inexact = _drop_digits(sign, coef, k, rounding)
    exp = exp_min
    # A carry (999 -> 1000) can make one digit too many.
    if coef >= (_POWERS_OF_TEN[prec] if prec < 202 else 10 ** prec):
        coef //= 10
        exp += 1
    return coef, exp, inexact, True


def _finish(sign, coef, exp, context, rounding=None, clamp=True):
    """Round (sign, coef, exp) to the context, raising the signals; return a
    Decimal.  clamp=False skips the context's exponent clamping."""
    prec = context.prec
    clamp = clamp and context.clamp
    n = _ndigits(coef) if coef else 1
    if coef and not clamp:
        # Fast path: the value fits as it is (then exp >= Etiny too).
        if n <= prec and context.Emin <= exp + n - 1 <= context.Emax:
            result = object.__new__(Decimal)
            result._sign = sign
            result._int = coef
            result._exp = exp
            result._special = _FINITE
            return result
    emax = context.Emax
    etiny = context.Emin - prec + 1
    if coef == 0:
        exp_max = emax - prec + 1 if clamp else emax
        new_exp = min(max(exp, etiny), exp_max)
        if new_exp != exp:
            context._raise(Clamped, "exponent of zero clamped")
        return _new(sign, 0, new_exp)
    adjusted = exp + n - 1
    if adjusted > emax:
        return _overflow_result(sign, context, rounding)
    subnormal = adjusted < context.Emin
    exp_min = max(exp + n - prec, etiny)
    if exp < exp_min:
        coef, exp, inexact, _ = _round_finite(sign, coef, exp, prec, etiny,
                                              rounding or context.rounding, n)
        # Only a carry at the top of the range can overflow now.
        if adjusted == emax and exp + _ndigits(coef) - 1 > emax:
            return _overflow_result(sign, context, rounding)
        if subnormal:
            context._raise(Subnormal, "subnormal result")
            if inexact:
                context._raise(Underflow, "inexact subnormal")
                if coef == 0:
                    context._raise(Clamped, "underflow to zero")
        if inexact:
            context._raise(Inexact, "inexact result")
        context._raise(Rounded, "rounded result")
        return _new(sign, coef, exp)
    if subnormal:
        context._raise(Subnormal, "subnormal result")
    if clamp:
        etop = emax - prec + 1
        if exp > etop:
            context._raise(Clamped, "exponent clamped")
            coef *= 10 ** (exp - etop)
            exp = etop
    result = object.__new__(Decimal)
    result._sign = sign
    result._int = coef
    result._exp = exp
    result._special = _FINITE
    return result


def _add(a, b, context, subtract):
    """a + b (or a - b) rounded to the context."""
    b_sign = b._sign ^ 1 if subtract else b._sign
    if a._special or b._special:
        if a._special >= _NAN or b._special >= _NAN:
            return _nan_result(a, b, context)
        if a._special == _INF:
            if b._special == _INF and a._sign != b_sign:
                return context._raise(InvalidOperation, "-INF + INF")
            return _new(a._sign, 0, 0, _INF)
        return _new(b_sign, 0, 0, _INF)
    if a._exp == b._exp and a._int and b._int:
        # Common case: aligned operands, the exact result needs no sticky digit.
        if a._sign == b_sign:
            return _finish(b_sign, a._int + b._int, a._exp, context)
        diff = a._int - b._int
        if diff > 0:
            return _finish(a._sign, diff, a._exp, context)
        if diff < 0:
            return _finish(b_sign, -diff, a._exp, context)
        return _finish(1 if context.rounding == ROUND_FLOOR else 0, 0, a._exp, context)
    prec = context.prec
    exp = min(a._exp, b._exp)
    if a._int == 0 and b._int == 0:
        if a._sign == b_sign:
            sign = a._sign
        else:
            sign = 1 if context.rounding == ROUND_FLOOR else 0
        return _finish(sign, 0, exp, context)
    if a._int == 0 or b._int == 0:
        if a._int == 0:
            sign, coef, e, zero_exp = b_sign, b._int, b._exp, a._exp
        else:
            sign, coef, e, zero_exp = a._sign, a._int, a._exp, b._exp
        if zero_exp < e:
            shift = min(e - zero_exp, max(0, prec - _ndigits(coef)) + 1)
            coef *= 10 ** shift
            e -= shift
        return _finish(sign, coef, e, context)
    # Align exponents; an operand far below the other's rounding position
    # only matters as a sticky digit.
    if a._exp >= b._exp:
        hi, hi_sign, lo, lo_sign = a, a._sign, b, b_sign
    else:
        hi, hi_sign, lo, lo_sign = b, b_sign, a, a._sign
    lo_coef, lo_exp = lo._int, lo._exp
    hi_adjusted = hi._exp + _ndigits(hi._int) - 1
    floor_pos = min(hi._exp, hi_adjusted - prec - 2)
    if lo_exp + _ndigits(lo_coef) - 1 < floor_pos - 1 and lo_exp < floor_pos - 1:
        lo_coef, lo_exp = 1, floor_pos - 2
    hi_coef = hi._int * 10 ** (hi._exp - lo_exp)
    exp = lo_exp
    if hi_sign == lo_sign:
        return _finish(hi_sign, hi_coef + lo_coef, exp, context)
    diff = hi_coef - lo_coef
    if diff == 0:
        sign = 1 if context.rounding == ROUND_FLOOR else 0
        return _finish(sign, 0, exp, context)
    if diff > 0:
        return _finish(hi_sign, diff, exp, context)
    return _finish(lo_sign, -diff, exp, context)


def _multiply(a, b, context):
    """a * b rounded to the context."""
    sign = a._sign ^ b._sign
    if a._special or b._special:
        if a._special >= _NAN or b._special >= _NAN:
            return _nan_result(a, b, context)
        if (a._special == _INF and b.is_zero()) or (b._special == _INF and a.is_zero()):
            return context._raise(InvalidOperation, "0 * INF")
        return _new(sign, 0, 0, _INF)
    return _finish(sign, a._int * b._int, a._exp + b._exp, context)


def _divide(a, b, context):
    """a / b rounded to the context."""
    sign = a._sign ^ b._sign
    if a._special or b._special:
        if a._special >= _NAN or b._special >= _NAN:
            return _nan_result(a, b, context)
        if a._special == _INF:
            if b._special == _INF:
                return context._raise(InvalidOperation, "INF / INF")
            return _new(sign, 0, 0, _INF)
        context._raise(Clamped, "division by infinity")
        return _new(sign, 0, context.Emin - context.prec + 1)
    if b._int == 0:
        if a._int == 0:
            return context._raise(DivisionUndefined, "0 / 0")
        return context._raise(DivisionByZero, "x / 0", sign)
    ideal = a._exp - b._exp
    if a._int == 0:
        return _finish(sign, 0, ideal, context)
    prec = context.prec
    shift = prec + 1 + _ndigits(b._int) - _ndigits(a._int)
    if shift >= 0:
        q, r = divmod(a._int * 10 ** shift, b._int)
    else:
        q, r = divmod(a._int, b._int * 10 ** -shift)
    exp = ideal - shift
    if r:
        return _finish(sign, q * 10 + 1, exp - 1, context)
    while exp < ideal and q % 10 == 0:
        q //= 10
        exp += 1
    return _finish(sign, q, exp, context)


def _divmod(a, b, context, want=3):
    """(a // b, a % b): truncating integer division and its remainder.
    want selects the parts computed (1 quotient, 2 remainder, 3 both); the
    parts not wanted are None and raise no signals."""
    sign = a._sign ^ b._sign
    if a._special or b._special:
        if a._special >= _NAN or b._special >= _NAN:
            result = _nan_result(a, b, context)
            return result, result
        if a._special == _INF:
            if b._special == _INF:
                result = context._raise(InvalidOperation, "divmod(INF, INF)")
                return result, result
            quotient = _new(sign, 0, 0, _INF)
            remainder = None
            if want & 2:
                remainder = context._raise(InvalidOperation, "INF % x")
            return quotient, remainder
        quotient = remainder = None
        if want & 1:
            quotient = _finish(sign, 0, 0, context)
        if want & 2:
            remainder = a._fix(context)
        return quotient, remainder
    if b._int == 0:
        if a._int == 0:
            result = context._raise(DivisionUndefined, "divmod(0, 0)")
            return result, result
        quotient = remainder = None
        if want & 1:
            quotient = context._raise(DivisionByZero, "x // 0", sign)
        if want & 2:
            remainder = context._raise(InvalidOperation, "x % 0")
        return quotient, remainder
    if a._int and a.adjusted() - b.adjusted() > context.prec:
        # The integer quotient has more than prec digits.
        result = context._raise(DivisionImpossible, "quotient too large")
        return result, result
    exp = min(a._exp, b._exp)
    if a._int == 0:
        q, r = 0, 0
    elif a.adjusted() < b.adjusted() - 1 or (a.adjusted() < b.adjusted() and
                                           _compare_magnitude(a._int, a._exp,
                                                              b._int, b._exp) < 0):
        q, r = 0, a._int * 10 ** (a._exp - exp)
    else:
        ca = a._int * 10 ** (a._exp - exp)
        cb = b._int * 10 ** (b._exp - exp)
        q, r = divmod(ca, cb)
    if q and _ndigits(q) > context.prec:
        result = context._raise(DivisionImpossible, "quotient too large")
        return result, result
    quotient = remainder = None
    if want & 1:
        quotient = _finish(sign, q, 0, context)
    if want & 2:
        remainder = _finish(a._sign, r, exp, context)
    return quotient, remainder


def _remainder_near(a, b, context):
    """IEEE remainder: a - b * n with n the nearest integer to a / b."""
    if a._special or b._special:
        if a._special >= _NAN or b._special >= _NAN:
            return _nan_result(a, b, context)
        if a._special == _INF:
            return context._raise(InvalidOperation, "remainder_near(INF, x)")
        return a._fix(context)
    if b._int == 0:
        if a._int == 0:
            return context._raise(DivisionUndefined, "remainder_near(0, 0)")
        return context._raise(InvalidOperation, "remainder_near(x, 0)")
    if a._int and a.adjusted() - b.adjusted() > context.prec:
        return context._raise(DivisionImpossible, "quotient too large")
    exp = min(a._exp, b._exp)
    ca = a._int * 10 ** (a._exp - exp)
    cb = b._int * 10 ** (b._exp - exp)
    q, r = divmod(ca, cb)
    if 2 * r > cb or (2 * r == cb and q & 1):
        q += 1
        r -= cb
    if q and _ndigits(q) > context.prec:
        return context._raise(DivisionImpossible, "quotient too large")
    sign = a._sign
    if r < 0:
        sign ^= 1
        r = -r
    return _finish(sign, r, exp, context)


def _quantize(a, b, rounding, context):
    """a rounded to the exponent of b."""
    if a._special or b._special:
        if a._special >= _NAN or b._special >= _NAN:
            return _nan_result(a, b, context)
        if a._special == _INF and b._special == _INF:
            return _new(a._sign, 0, 0, _INF)
        return context._raise(InvalidOperation, "quantize with one INF")
    exp = b._exp
    if not context.Emin - context.prec + 1 <= exp <= context.Emax:
        return context._raise(InvalidOperation, "target exponent out of bounds")
    if a._int == 0:
        return _clamp_exponent(a._sign, 0, exp, context)
    if a.adjusted() > context.Emax:
        return context._raise(InvalidOperation, "exponent of operand too large")
    if exp <= a._exp:
        if a.adjusted() - exp + 1 > context.prec:
            return context._raise(InvalidOperation, "quantize result has too many digits")
        coef = a._int * 10 ** (a._exp - exp)
        inexact = rounded = False
    else:
        k = exp - a._exp
        n = _ndigits(a._int)
        if k > n + 1:
            coef, inexact = _drop_digits(a._sign, 1, 2, rounding)
        else:
            coef, inexact = _drop_digits(a._sign, a._int, k, rounding)
        rounded = True
    if coef and _ndigits(coef) > context.prec:
        return context._raise(InvalidOperation, "quantize result has too many digits")
    result = _new(a._sign, coef, exp)
    if coef and result.adjusted() < context.Emin:
        context._raise(Subnormal, "subnormal")
        if inexact:
            context._raise(Underflow, "")
    if inexact:
        context._raise(Inexact, "quantize")
    if rounded:
        context._raise(Rounded, "quantize")
    return _clamp_exponent(a._sign, coef, exp, context)


def _clamp_exponent(sign, coef, exp, context):
    """A Decimal of the parts, its exponent clamped to Etop if context.clamp."""
    if context.clamp:
        etop = context.Emax - context.prec + 1
        if exp > etop:
            context._raise(Clamped, "exponent clamped")
            coef *= 10 ** (exp - etop)
            exp = etop
    return _new(sign, coef, exp)


def _next(a, context, direction):
    """next_plus (direction 1) or next_minus (-1)."""
    if a._special >= _NAN:
        return _nan_result(a, None, context)
    prec = context.prec
    etiny = context.Emin - prec + 1
    largest = _new(0, 10 ** prec - 1, context.Emax - prec + 1)
    if a._special == _INF:
        if (a._sign == 0) == (direction > 0):
            return a
        return largest.copy_negate() if direction > 0 else largest
    # Work with a value ahead by a tiny amount, rounded toward direction.
    # A step far below the last digit of any result, yet exact relative to a.
    if a._int == 0:
        tiny_exp = etiny - 2
    else:
        tiny_exp = min(a._exp, max(a.adjusted() - prec - 1, etiny)) - 2
    if a._int == 0:
        coef = 1
        sign = 0 if direction > 0 else 1
        exp = tiny_exp
    else:
        coef = a._int * 10 ** (a._exp - tiny_exp)
        if (a._sign == 0) == (direction > 0):
            coef += 1
        else:
            coef -= 1
        sign = a._sign
        exp = tiny_exp
    rounding = ROUND_CEILING if direction > 0 else ROUND_FLOOR
    n = _ndigits(coef)
    if exp + n - 1 > context.Emax:
        if (sign == 0) == (direction > 0):
            return _new(sign, 0, 0, _INF)
        return largest.copy_negate() if sign else largest
    coef, exp, _, _ = _round_finite(sign, coef, exp, prec, etiny, rounding)
    if exp + _ndigits(coef) - 1 > context.Emax:
        if (sign == 0) == (direction > 0):
            return _new(sign, 0, 0, _INF)
        return largest if sign == 0 else largest.copy_negate()
    return _new(sign, coef, exp)


# ---------------------------------------------------------------------------
# Square root, exp, logarithms and powers

def _sqrt(a, context):
    if a._special:
        if a._special >= _NAN:
            return _nan_result(a, None, context)
        if a._sign:
            return context._raise(InvalidOperation, "sqrt(-INF)")
        return a
    ideal = a._exp // 2
    if a._int == 0:
        return _finish(a._sign, 0, ideal, context)
    if a._sign:
        return context._raise(InvalidOperation, "sqrt of a negative number")
    prec = context.prec
    # Scale so that the integer square root has at least prec + 1 digits.
    n = _ndigits(a._int)
    shift = max(0, 2 * (prec + 2) - n)
    if (a._exp - shift) % 2:
        shift += 1
    c = a._int * 10 ** shift
    exp = (a._exp - shift) // 2
    r = _math.isqrt(c)
    if r * r != c:
        # Irrational: r followed by a sticky digit rounds like the true root.
        return _finish(0, r * 10 + 1, exp - 1, context, ROUND_HALF_EVEN)
    while exp < ideal and r % 10 == 0:
        r //= 10
        exp += 1
    return _finish(0, r, exp, context, ROUND_HALF_EVEN)


def _ziv(sign, compute, context, rounding, max_extra=None):
    """Correctly round the value sign * M * 10**e that compute(w) returns as
    (M, e) with |error| <= 100 units, retrying with more digits when the
    rounding is undecided.  Returns the finished Decimal."""
    prec = context.prec
    etiny = context.Emin - prec + 1
    extra = 12
    while True:
        m, e = compute(prec + extra)
        low = _round_finite(sign, max(m - 100, 1), e, prec, etiny, rounding)[:2]
        high = _round_finite(sign, m + 100, e, prec, etiny, rounding)[:2]
        if low == high or (max_extra is not None and extra >= max_extra):
            return _finish(sign, m * 10 + 1, e - 1, context, rounding)
        extra *= 2


def _exp(a, context):
    if a._special:
        if a._special >= _NAN:
            return _nan_result(a, None, context)
        if a._sign:
            return _new(0, 0, 0)
        return a
    if a._int == 0:
        return _new(0, 1, 0)
    prec = context.prec
    adj = a.adjusted()
    # Tiny argument: exp(a) = 1 + a + ..., within half an ulp of 1.
    if adj < -prec - 2:
        coef = 10 ** (prec + 3) + (-1 if a._sign else 1)
        return _finish(0, coef, -(prec + 3), context, ROUND_HALF_EVEN)
    # Huge argument: certain overflow or underflow.
    bound = max(len(str(context.Emax)), len(str(-context.Emin + prec))) + 1
    if adj >= bound:
        if a._sign:
            return _finish(0, 1, context.Emin - prec - 5, context, ROUND_HALF_EVEN)
        return _overflow_result(0, context, ROUND_HALF_EVEN)

    def compute(w):
        # exp(x) = 10**n * exp(r) with x = n * ln(10) + r.
        digits_int = max(0, adj + 1)
        w2 = w + digits_int + 4
        x = _scaled(a._int, a._exp, w2)
        if a._sign:
            x = -x
        ln10 = _ln10(w2)
        n = (2 * x + ln10) // (2 * ln10)
        r = x - n * ln10
        value = _exp_fixed(r, w2)
        return value, n - w2

    return _ziv(0, compute, context, ROUND_HALF_EVEN)


def _log(a, context, base10):
    if a._special:
        if a._special >= _NAN:
            return _nan_result(a, None, context)
        if a._sign:
            return context._raise(InvalidOperation, "log of -INF")
        return a
    if a._int == 0:
        return _new(1, 0, 0, _INF)
    if a._sign:
        return context._raise(InvalidOperation, "log of a negative number")
    coef, exp = a._int, a._exp
    while coef % 10 == 0:
        coef //= 10
        exp += 1
    if coef == 1:
        # Exact results: ln(1) == 0 and log10(10**k) == k.
        if base10:
            return _finish(1 if exp < 0 else 0, abs(exp), 0, context)
        if exp == 0:
            return _new(0, 0, 0)
    # Near 1 the result is about x - 1: carry that many extra digits.
    near_one = 0
    if exp + _ndigits(coef) in (0, 1):
        low = min(exp, 0)
        diff = abs(coef * 10 ** (exp - low) - 10 ** -low)
        near_one = max(0, -(low + _ndigits(diff) - 1))
    sign = 1 if _compare_magnitude(coef, exp, 1, 0) < 0 else 0

    def compute(w):
        w2 = w + near_one + 4
        value = _ln_fixed(coef, exp, w2)
        if base10:
            value = value * 10 ** w2 // _ln10(w2)
        value = abs(value)
        # Keep about w significant digits.
        extra_digits = max(0, _ndigits(value) - w - 2)
        if extra_digits:
            value //= 10 ** extra_digits
        return value, extra_digits - w2

    return _ziv(sign, compute, context, ROUND_HALF_EVEN)


def _is_integral(d):
    """True if the finite Decimal d has an integral value."""
    if d._exp >= 0 or d._int == 0:
        return True
    if -d._exp >= _ndigits(d._int):
        return False
    return d._int % 10 ** -d._exp == 0


def _power(a, b, context):
    """a ** b rounded to the context."""
    if a._special >= _NAN or b._special >= _NAN:
        return _nan_result(a, b, context)
    if b._special == _FINITE and b._int == 0:
        if a._special == _FINITE and a._int == 0:
            return context._raise(InvalidOperation, "0 ** 0")
        return _new(0, 1, 0)
    b_integral = b._special == _FINITE and _is_integral(b)
    b_odd = b_integral and b._exp <= 0 and b._to_int() & 1
    # Sign of the result.
    sign = 0
    if a._sign and not a.is_zero():
        if not b_integral and b._special != _INF:
            return context._raise(InvalidOperation, "x ** y with x negative, y not integral")
        if b_odd:
            sign = 1
    if a._special == _INF:
        if b._sign:
            return _new(sign, 0, 0)
        return _new(sign, 0, 0, _INF)
    if a._int == 0:
        sign = a._sign if b_odd else 0
        if b._sign:
            return _new(sign, 0, 0, _INF)
        return _new(sign, 0, 0)
    if b._special == _INF:
        if a._sign:
            return context._raise(InvalidOperation, "negative ** INF")
        c = _compare_magnitude(a._int, a._exp, 1, 0)
        if c == 0:
            return _finish(0, 10 ** (context.prec - 1), 1 - context.prec, context)
        if (c > 0) != bool(b._sign):
            return _new(0, 0, 0, _INF)
        return _new(0, 0, 0)
    # Magnitude estimate for early overflow and underflow.
    log10_abs_a = _log10_estimate(a)
    bf = float(str(b)) if b.adjusted() < 300 else (-1e300 if b._sign else 1e300)
    estimate = log10_abs_a * bf
    if estimate > context.Emax + 2:
        return _overflow_result(sign, context)
    etiny = context.Emin - context.prec + 1
    if estimate < etiny - 5:
        # Far below the subnormal range: round a tiny stand-in.  Like
        # libmpdec, small integral powers underflow to zero.
        small = b_integral and b.adjusted() < 5 and abs(b._to_int()) <= 10000
        return _finish(sign, 1, etiny - 7, context, ROUND_DOWN if small else None)
    coef, exp = a._int, a._exp
    if b_integral and coef % 10 == 0 or coef == 1:
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        if coef == 1 and b_integral:
            # A power of ten to an integral power is exact; like libmpdec,
            # a power of +-1 is not clamped.
            clamp = exp != 0
            y = b._to_int()
            if y < 0:
                return _finish(sign, 1, exp * y, context, clamp=clamp)
            k = exp - a._exp
            zeros = k * y
            if zeros <= context.prec:
                return _finish(sign, 10 ** zeros, a._exp * y, context, clamp=clamp)
            return _finish(sign, 10 ** context.prec, a._exp * y + zeros - context.prec,
                           context, clamp=clamp)
        coef, exp = a._int, a._exp
    if b_integral and b.adjusted() < 18:
        y = b._to_int()
        if abs(y) * _ndigits(a._int) <= 10 * context.prec + 1000:
            if y > 0:
                return _finish(sign, a._int ** y, a._exp * y, context)
            denominator = _new(0, a._int ** -y, a._exp * -y)
            return _divide(_new(sign, 1, 0), denominator, context)
    elif _compare_magnitude(a._int, a._exp, 1, 0) == 0:
        # 1 ** y is 1 to full precision (inexact per the specification).
        context._raise(Inexact, "power")
        context._raise(Rounded, "power")
        return _new(0, 10 ** (context.prec - 1), 1 - context.prec)
    # General case: exp(b * ln|a|) in fixed point.
    if b.adjusted() + _ln_magnitude(coef, exp) < -4 * context.prec - 30:
        # b * ln|a| is negligible: the result is 1 to full precision.
        context._raise(Inexact, "power")
        context._raise(Rounded, "power")
        return _new(sign, 10 ** (context.prec - 1), 1 - context.prec)
    extra_digits = max(0, b.adjusted() + 1) + len(str(int(abs(estimate))))

    def compute(w):
        w2 = w + 10 + extra_digits
        ln_a = _ln_fixed(coef, exp, w2)
        y = ln_a * b._int
        y = y * 10 ** b._exp if b._exp >= 0 else y // 10 ** -b._exp
        if b._sign:
            y = -y
        ln10 = _ln10(w2)
        n = (2 * y + ln10) // (2 * ln10)
        r = y - n * ln10
        return _exp_fixed(r, w2), n - w2

    return _ziv(sign, compute, context, context.rounding,
                max_extra=4 * context.prec + 40)


def _ln_magnitude(coef, exp):
    """Approximate log10(|ln(coef * 10**exp)|) (an int, within about 1)."""
    n = _ndigits(coef)
    if exp + n in (0, 1):
        low = min(exp, 0)
        diff = abs(coef * 10 ** (exp - low) - 10 ** -low)
        if diff == 0:
            return -10 ** 9
        return low + _ndigits(diff) - 1
    estimate = abs((exp + n) * 2.302585092994046)
    return int(_math.log10(estimate)) if estimate >= 1 else 0


def _log10_estimate(a):
    """A float estimate of log10(|a|) for a finite nonzero Decimal."""
    n = _ndigits(a._int)
    lead = a._int // 10 ** (n - 17) if n > 17 else a._int
    return _math.log10(lead) + a._exp + max(0, n - 17)


def _power_modulo(a, b, m, context):
    """Three-argument pow: (a ** b) % m for integral operands."""
    for op in (a, b, m):
        if op._special >= _NAN:
            return _nan_result(op, None, context)
    for op in (a, b, m):
        if op._special or not _is_integral(op):
            return context._raise(InvalidOperation, "pow() 3rd argument not allowed unless "
                                  "all arguments are integers")
    if b._sign:
        return context._raise(InvalidOperation, "pow() 2nd argument cannot be negative")
    if m._int == 0:
        return context._raise(InvalidOperation, "pow() 3rd argument cannot be 0")
    if a._int == 0 and b._int == 0:
        return context._raise(InvalidOperation, "0 ** 0")
    mod = abs(m._to_int())
    if _ndigits(mod) > context.prec:
        return context._raise(InvalidOperation, "modulus too large")
    base = abs(a._to_int())
    value = pow(base, b._to_int(), mod)
    sign = a._sign if b._to_int() & 1 else 0
    return _new(sign, value, 0)


# ---------------------------------------------------------------------------
# Formatting

def _parse_spec(spec):
    """Parse a format specification. Return a dict of its fields."""
    pos = 0
    n = len(spec)
    result = {'fill': ' ', 'align': None, 'sign': '-', 'z': False, 'alt': False,
              'zeropad': False, 'width': 0, 'grouping': '', 'precision': None,
              'type': None}
    if n >= 2 and spec[1] in '<>=^':
        result['fill'] = spec[0]
        result['align'] = spec[1]
        pos = 2
    elif n >= 1 and spec[0] in '<>=^':
        result['align'] = spec[0]
        pos = 1
    if pos < n and spec[pos] in '+- ':
        result['sign'] = spec[pos]
        pos += 1
    if pos < n and spec[pos] == 'z':
        result['z'] = True
        pos += 1
    if pos < n and spec[pos] == '#':
        result['alt'] = True
        pos += 1
    if pos < n and spec[pos] == '0':
        result['zeropad'] = True
        pos += 1
    start = pos
    while pos < n and spec[pos].isdigit():
        pos += 1
    if pos > start:
        result['width'] = int(spec[start:pos])
    if pos < n and spec[pos] in ',_':
        result['grouping'] = spec[pos]
        pos += 1
    if pos < n and spec[pos] == '.':
        pos += 1
        start = pos
        while pos < n and spec[pos].isdigit():
            pos += 1
        if pos == start:
            raise ValueError("invalid format string")
        result['precision'] = int(spec[start:pos])
    if pos < n:
        result['type'] = spec[pos]
        pos += 1
    if pos != n or (result['type'] is not None and result['type'] not in 'eEfFgGn%'):
        raise ValueError("invalid format string")
    if result['grouping'] and result['type'] == 'n':
        raise ValueError("invalid format string")
    # Like CPython's decimal, only ',' grouping is supported, and the '0'
    # flag excludes an explicit alignment.
    if result['grouping'] == '_':
        raise ValueError("invalid format string")
    if result['zeropad'] and result['align'] is not None:
        raise ValueError("invalid format string")
    if result['zeropad']:
        result['fill'] = '0'
        result['align'] = '='
    return result


def _group(digits, sizes, sep, min_width):
    """Insert sep into the integer digits by the locale-style group sizes
    (the last size repeats; 0 repeats the previous one; CHAR_MAX ends
    grouping), padding with zeros to at least min_width characters."""
    groups = []
    length = 0
    index = 0
    size = 3
    while True:
        if index < len(sizes):
            if sizes[index] == 0:
                index = len(sizes)
            elif sizes[index] >= 127 or sizes[index] < 0:
                size = None
                index = len(sizes)
            else:
                size = sizes[index]
                index += 1
        if digits:
            take = len(digits) if size is None else min(size, len(digits))
            group = digits[len(digits) - take:]
            digits = digits[:len(digits) - take]
            if not digits:
                room = (size if size is not None else min_width) - take
                pad = min(room, max(0, min_width - length - take))
                group = '0' * max(0, pad) + group
        else:
            need = max(1, min_width - length)
            group = '0' * (need if size is None else min(size, need))
        groups.append(group)
        length += len(group)
        if not digits and length >= min_width:
            break
        length += len(sep)
    return sep.join(reversed(groups))


def _format_decimal(dec, spec, conv):
    """Format the Decimal dec according to spec (the format mini-language)."""
    f = _parse_spec(spec)
    kind = f['type']
    context = getcontext()
    rounding = context.rounding
    if kind is None:
        kind = 'G' if context.capitals else 'g'
    if kind == 'n':
        if conv is None:
            try:
                import locale
                conv = locale.localeconv()
            except ImportError:
                conv = {'decimal_point': '.', 'thousands_sep': '', 'grouping': []}
        point = conv['decimal_point']
        sep = conv['thousands_sep']
        sizes = conv['grouping'] if sep else []
        if isinstance(sizes, str):
            # A C-style grouping string, as in an override dict.
            sizes = [ord(ch) for ch in sizes]
    else:
        point = '.'
        sep = f['grouping']
        sizes = [3]
    sign = '-' if dec._sign else ''
    prec = f['precision']

    if dec._special:
        if dec._special == _INF:
            body = 'Infinity'
        else:
            body = ('NaN' if dec._special == _NAN else 'sNaN') + \
                (_digits_of(dec._int) if dec._int else '')
        if kind == '%':
            body += '%'
        int_digits, frac, expo, grouped_ok = body, '', '', False
    else:
        coef, exp = dec._int, dec._exp
        if kind == '%':
            exp += 2
        if kind in 'gGn' and prec == 0:
            prec = 1
        # Round as required by the type and precision.
        if prec is not None:
            if kind in 'fF%':
                coef, exp = _round_to_exponent(dec._sign, coef, exp, -prec, rounding)
            elif coef:
                # Keep prec + 1 ('e') or prec ('g') significant digits.
                keep = prec + 1 if kind in 'eE' else prec
                if _ndigits(coef) > keep:
                    coef, exp = _round_to_exponent(dec._sign, coef, exp,
                                                   exp + _ndigits(coef) - keep, rounding)
                    if _ndigits(coef) > keep:
                        coef //= 10
                        exp += 1
        if f['z'] and coef == 0:
            sign = ''
        digits = _digits_of(coef)
        leftdigits = exp + len(digits)
        if kind in 'eE':
            if coef == 0 and prec is not None:
                # A zero keeps its exponent: the digits shown are all zeros.
                digits = '0' * (prec + 1)
                leftdigits = exp + prec + 1
            dotplace = 1
        elif kind in 'fF%':
            dotplace = leftdigits
        else:
            if exp <= 0 and leftdigits > -6:
                dotplace = leftdigits
            else:
                dotplace = 1
        if kind in 'eE' and prec is not None and coef != 0:
            digits = digits.ljust(prec + 1, '0')
        if dotplace <= 0:
            int_digits = '0'
            frac = '0' * (-dotplace) + digits
        elif coef == 0 and kind not in 'eE':
            int_digits = '0'
            frac = ''
        elif dotplace >= len(digits):
            int_digits = digits + '0' * (dotplace - len(digits))
            frac = ''
        else:
            int_digits = digits[:dotplace]
            frac = digits[dotplace:]
        if kind in 'fF%' and prec is not None and len(frac) < prec:
            frac = frac.ljust(prec, '0')
        if leftdigits == dotplace and kind not in 'eE':
            expo = ''
        else:
            marker = 'e' if kind in 'efg%n' else 'E'
            expo = marker + '%+d' % (leftdigits - dotplace)
        if frac or f['alt']:
            frac = point + frac
        if kind == '%':
            expo += '%'
        grouped_ok = True
    if not sign:
        # Positive (or a zero made positive by 'z'): the sign option applies.
        sign = {'-': '', '+': '+', ' ': ' '}[f['sign']]
    tail = frac + expo
    if dec._special and f['zeropad']:
        f['fill'], f['align'] = ' ', '>'
    width = f['width']
    align = f['align'] or '>'
    fill = f['fill']
    if grouped_ok and (sep and sizes):
        min_width = 0
        if f['zeropad']:
            min_width = width - len(sign) - len(tail)
        int_digits = _group(int_digits, sizes, sep, min_width)
    body = int_digits + tail
    padding = width - len(sign) - len(body)
    if padding <= 0:
        return sign + body
    if align == '=':
        return sign + fill * padding + body
    if align == '<':
        return sign + body + fill * padding
    if align == '^':
        half = padding // 2
        return fill * half + sign + body + fill * (padding - half)
    return fill * padding + sign + body


def _round_to_exponent(sign, coef, exp, target, rounding):
    """Round coef * 10**exp to exponent target (no change if exp >= target)."""
    if exp >= target:
        return (0, target) if coef == 0 else (coef, exp)
    k = target - exp
    n = _ndigits(coef)
    if k > n + 1:
        coef, _ = _drop_digits(sign, 1 if coef else 0, 2, rounding)
    else:
        coef, _ = _drop_digits(sign, coef, k, rounding)
    return coef, target


# ---------------------------------------------------------------------------
# Context

_SIGNAL_KEY_MESSAGE = ("valid values for signals are:\n"
                       "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                       "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                       "   Clamped]")


class _SignalDict(dict):
    """The flags or traps of a Context: a dict keyed by the signals, with a
    fixed set of keys."""

    def __setitem__(self, key, value):
        if key not in _SIGNALS:
            raise KeyError(_SIGNAL_KEY_MESSAGE)
        dict.__setitem__(self, key, bool(value))

    def __delitem__(self, key):
        raise ValueError("signal keys cannot be deleted")

    def copy(self):
        return _SignalDict(self)


def _signal_dict(value, dict_only=False):
    """Build a _SignalDict from a dict (or, unless dict_only, a list of signals)."""
    result = _SignalDict((s, False) for s in _SIGNALS)
    if value is None:
        return result
    if isinstance(value, _SignalDict) and set(value) == set(_SIGNALS):
        return value
    if dict_only and not isinstance(value, dict):
        raise TypeError("argument must be a signal dict")
    if isinstance(value, dict):
        if set(value) != set(_SIGNALS):
            raise KeyError("invalid signal dict")
        for key, v in value.items():
            dict.__setitem__(result, key, bool(v))
        return result
    for s in value:
        if s not in _SIGNALS:
            raise KeyError(_SIGNAL_KEY_MESSAGE)
        dict.__setitem__(result, s, True)
    return result


def _check_int_range(low, high, message):
    """A validator of an int attribute in [low, high]."""
    def check(value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if not low <= value <= high:
            raise ValueError(message)
        return value
    return check


def _check_rounding(value):
    if value not in _ROUNDINGS:
        raise TypeError("valid values for rounding are:\n"
                        "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                        "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                        "   ROUND_05UP]")
    return _ROUNDINGS[_ROUNDINGS.index(value)]


_CONTEXT_CHECKS = {
    'prec': _check_int_range(1, MAX_PREC, "valid range for prec is [1, MAX_PREC]"),
    'rounding': _check_rounding,
    'Emin': _check_int_range(MIN_EMIN, 0, "valid range for Emin is [MIN_EMIN, 0]"),
    'Emax': _check_int_range(0, MAX_EMAX, "valid range for Emax is [0, MAX_EMAX]"),
    'capitals': _check_int_range(0, 1, "valid values for capitals are 0 or 1"),
    'clamp': _check_int_range(0, 1, "valid values for clamp are 0 or 1"),
    'flags': lambda value: _signal_dict(value, True),
    'traps': lambda value: _signal_dict(value, True),
}


class _BUILTIN_DEFAULTS:
    """The fields of DefaultContext as first created."""
    prec = 28
    rounding = ROUND_HALF_EVEN
    Emin = -999999
    Emax = 999999
    capitals = 1
    clamp = 0
    traps = dict.fromkeys(_SIGNALS, False)
    traps.update(dict.fromkeys((InvalidOperation, DivisionByZero, Overflow), True))


DefaultContext = None   # the real one is created after the class


class Context(object):
    """The environment of arithmetic operations: precision, rounding, exponent
    limits, exponent case, clamping, flags and traps."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        # Unspecified fields come from DefaultContext (while DefaultContext
        # itself is being built, from the built-in defaults).
        base = DefaultContext if DefaultContext is not None else _BUILTIN_DEFAULTS
        self.prec = prec if prec is not None else base.prec
        self.rounding = rounding if rounding is not None else base.rounding
        self.Emin = Emin if Emin is not None else base.Emin
        self.Emax = Emax if Emax is not None else base.Emax
        self.capitals = capitals if capitals is not None else base.capitals
        self.clamp = clamp if clamp is not None else base.clamp
        self.traps = _signal_dict(traps if traps is not None else dict(base.traps))
        self.flags = _signal_dict(flags)

    # -- validated attributes (plain instance attributes, checked on assignment)

    def __setattr__(self, name, value):
        check = _CONTEXT_CHECKS.get(name)
        if check is not None:
            value = check(value)
        elif type(self) is Context:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError("%s cannot be deleted" % name)

    # -- signals ---------------------------------------------------------

    def _set_flag(self, condition):
        dict.__setitem__(self.flags, _CONDITION_SIGNAL.get(condition, condition), True)

    def _raise(self, condition, explanation, sign=0):
        """Record condition; raise it if trapped, else return the default
        result of the condition (NaN for invalid operations, signed Infinity
        for division by zero, None for the informational signals)."""
        signal = _CONDITION_SIGNAL.get(condition, condition)
        dict.__setitem__(self.flags, signal, True)
        if self.traps[signal]:
            raise signal([condition])
        if signal is InvalidOperation:
            return _new(0, 0, 0, _NAN)
        if signal is DivisionByZero:
            return _new(sign, 0, 0, _INF)
        return None

    def clear_flags(self):
        """Reset all flags to False."""
        for s in _SIGNALS:
            dict.__setitem__(self.flags, s, False)

    def clear_traps(self):
        """Reset all traps to False."""
        for s in _SIGNALS:
            dict.__setitem__(self.traps, s, False)

    def Etiny(self):
        """The smallest exponent of a subnormal number: Emin - prec + 1."""
        return self.Emin - self.prec + 1

    def Etop(self):
        """The largest exponent when clamping: Emax - prec + 1."""
        return self.Emax - self.prec + 1

    def copy(self):
        """Return a copy of the context (flags and traps copied too)."""
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def __reduce__(self):
        flags = [s for s in _SIGNALS if self.flags[s]]
        traps = [s for s in _SIGNALS if self.traps[s]]
        return (self.__class__, (self.prec, self.rounding, self.Emin, self.Emax,
                                 self.capitals, self.clamp, flags, traps))

    def __repr__(self):
        flags = ', '.join(s.__name__ for s in _FLAG_ORDER if self.flags[s])
        traps = ', '.join(s.__name__ for s in _TRAP_ORDER if self.traps[s])
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, flags, traps))

    # -- construction of Decimals ---------------------------------------

    def create_decimal(self, num="0"):
        """A Decimal from num, rounded to this context."""
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            return self._raise(ConversionSyntax, "no trailing or leading whitespace "
                               "or underscores are permitted")
        d = Decimal(num, context=self)
        if d._special >= _NAN and d._int and _ndigits(d._int) > self.prec - self.clamp:
            return self._raise(ConversionSyntax, "diagnostic info too long in NaN")
        return d._fix(self)

    def create_decimal_from_float(self, f):
        """A Decimal from the float f, rounded to this context."""
        return Decimal.from_float(f)._fix(self)

    # -- operations (most are generated below from the Decimal methods) ---

    def power(self, a, b, modulo=None):
        """a ** b, or (a ** b) % modulo for integral operands."""
        a = _convert_strict(a)
        b = _convert_strict(b)
        if modulo is not None:
            modulo = _convert_strict(modulo)
        return a.__pow__(b, modulo, context=self)

    def fma(self, a, b, c):
        """a * b + c with a single rounding."""
        return _convert_strict(a).fma(b, c, context=self)

    def canonical(self, a):
        """Return a (every Decimal is canonical)."""
        if not isinstance(a, Decimal):
            raise TypeError("argument must be a Decimal")
        return a

    def is_canonical(self, a):
        """True: every Decimal is canonical."""
        if not isinstance(a, Decimal):
            raise TypeError("argument must be a Decimal")
        return True

    def copy_decimal(self, a):
        """Return a copy of a as a Decimal."""
        return Decimal(_convert_strict(a))

    def radix(self):
        """Return Decimal(10), the radix of the arithmetic."""
        return Decimal(10)

    def _apply(self, a):
        """Return a rounded to this context."""
        return _convert_strict(a)._fix(self)


def _context_unary(method_name, doc, uses_context=True):
    """A Context method applying the Decimal method to one operand."""
    method = getattr(Decimal, method_name)
    if uses_context:
        def op(self, a):
            return method(_convert_strict(a), context=self)
    else:
        def op(self, a):
            return method(_convert_strict(a))
    op.__doc__ = doc
    return op


def _context_binary(method_name, doc):
    """A Context method applying the Decimal method to two operands."""
    method = getattr(Decimal, method_name)

    def op(self, a, b):
        return method(_convert_strict(a), _convert_strict(b), context=self)
    op.__doc__ = doc
    return op


for _name, _method, _doc in (
        ('abs', '__abs__', "Absolute value of a, rounded."),
        ('plus', '__pos__', "a rounded to the context (like unary plus)."),
        ('minus', '__neg__', "-a, rounded."),
        ('exp', 'exp', "e ** a."),
        ('ln', 'ln', "Natural logarithm of a."),
        ('log10', 'log10', "Base-10 logarithm of a."),
        ('logb', 'logb', "Adjusted exponent of a, as a Decimal."),
        ('sqrt', 'sqrt', "Square root of a."),
        ('normalize', 'normalize', "a rounded, with trailing zeros removed."),
        ('next_plus', 'next_plus', "Smallest representable number above a."),
        ('next_minus', 'next_minus', "Largest representable number below a."),
        ('number_class', 'number_class', "Class of a, such as '+Normal'."),
        ('logical_invert', 'logical_invert', "Digit-wise inversion of the logical a."),
        ('to_integral_exact', 'to_integral_exact', "a rounded to an integer, signalling."),
        ('to_integral_value', 'to_integral_value', "a rounded to an integer, quietly."),
        ('to_integral', 'to_integral_value', "a rounded to an integer, quietly."),
        ('to_sci_string', '__str__', "Scientific string of a."),
        ('to_eng_string', 'to_eng_string', "Engineering string of a."),
        ('is_normal', 'is_normal', "True if a is a normal finite nonzero number."),
        ('is_subnormal', 'is_subnormal', "True if a is subnormal."),
        ('number_class', 'number_class', "Class of a, such as '+Normal'.")):
    setattr(Context, _name, _context_unary(_method, _doc))

for _name, _doc in (
        ('copy_abs', "Copy of a with the sign cleared."),
        ('copy_negate', "Copy of a with the sign inverted."),
        ('is_finite', "True if a is finite."),
        ('is_infinite', "True if a is an infinity."),
        ('is_nan', "True if a is a NaN."),
        ('is_qnan', "True if a is a quiet NaN."),
        ('is_snan', "True if a is a signaling NaN."),
        ('is_signed', "True if a is negative (including -0)."),
        ('is_zero', "True if a is a zero.")):
    setattr(Context, _name, _context_unary(_name, _doc, uses_context=False))

for _name, _method, _doc in (
        ('add', '__add__', "a + b."),
        ('subtract', '__sub__', "a - b."),
        ('multiply', '__mul__', "a * b."),
        ('divide', '__truediv__', "a / b."),
        ('divide_int', '__floordiv__', "a // b (truncating integer division)."),
        ('remainder', '__mod__', "a % b (sign of a)."),
        ('divmod', '__divmod__', "(a // b, a % b)."),
        ('compare', 'compare', "Numeric comparison as a Decimal (-1, 0, 1 or NaN)."),
        ('compare_signal', 'compare_signal', "compare(), signalling for any NaN."),
        ('compare_total', 'compare_total', "Total-order comparison."),
        ('compare_total_mag', 'compare_total_mag', "Total-order comparison of |a|, |b|."),
        ('copy_sign', 'copy_sign', "Copy of a with the sign of b."),
        ('max', 'max', "The larger of a and b."),
        ('max_mag', 'max_mag', "The operand of larger magnitude."),
        ('min', 'min', "The smaller of a and b."),
        ('min_mag', 'min_mag', "The operand of smaller magnitude."),
        ('next_toward', 'next_toward', "Next representable number from a toward b."),
        ('quantize', 'quantize', "a rounded to the exponent of b."),
        ('remainder_near', 'remainder_near', "a - b * n with n the nearest integer to a / b."),
        ('rotate', 'rotate', "Digits of a rotated by b places."),
        ('same_quantum', 'same_quantum', "True if a and b have the same exponent."),
        ('scaleb', 'scaleb', "a * 10 ** b."),
        ('shift', 'shift', "Digits of a shifted by b places."),
        ('logical_and', 'logical_and', "Digit-wise and of logical operands."),
        ('logical_or', 'logical_or', "Digit-wise or of logical operands."),
        ('logical_xor', 'logical_xor', "Digit-wise exclusive or of logical operands.")):
    setattr(Context, _name, _context_binary(_method, _doc))
del _name, _method, _doc

_FLAG_ORDER = _TRAP_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact,
                              FloatOperation, Overflow, Rounded, Subnormal, Underflow)

DefaultContext = Context()

BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped,
                              Underflow], flags=[])

ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])
