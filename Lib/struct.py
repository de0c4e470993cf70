"""Conversion between Python values and C structs represented as bytes objects.

The format string's first character may give the byte order, size and alignment:
'@' native (default), '=' native order with standard sizes, '<' little-endian, '>' and '!'
big-endian (network).  Codes: x pad byte, c char, b/B signed/unsigned char, ? bool,
h/H short, i/I int, l/L long, q/Q long long, n/N ssize_t/size_t (native only), e half
float, f float, d double, s string, p Pascal string, P pointer (native only).
"""

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']

from _struct import *
from _struct import _clearcache
