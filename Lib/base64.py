"""Base16, Base32, Base64 (RFC 4648), Base85, Ascii85 and Z85 encodings of bytes.

The Base64 and hex work is done by binascii (C); Base32 and the Base85 family are computed
here with integer arithmetic per block.
"""

import binascii

__all__ = ["encode", "decode", "encodebytes", "decodebytes", "b64encode", "b64decode",
           "b32encode", "b32decode", "b32hexencode", "b32hexdecode", "b16encode",
           "b16decode", "b85encode", "b85decode", "a85encode", "a85decode", "z85encode",
           "z85decode", "standard_b64encode", "standard_b64decode", "urlsafe_b64encode",
           "urlsafe_b64decode"]

bytes_types = (bytes, bytearray)


def _input_bytes(s):
    """Bytes of a decoder's input: bytes-like, or a str of ASCII characters."""
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    if isinstance(s, bytes_types):
        return bytes(s)
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII string, not %r"
                        % s.__class__.__name__) from None


def _check_altchars(altchars):
    if len(altchars) != 2:
        raise AssertionError(repr(altchars))


# -- Base64 ------------------------------------------------------------------------------------
def b64encode(s, altchars=None):
    """Encode a bytes-like object with Base64; altchars replaces '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        _check_altchars(altchars)
        return encoded.translate(bytes.maketrans(b"+/", altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode Base64; without validate, characters outside the alphabet are discarded."""
    s = _input_bytes(s)
    if altchars is not None:
        altchars = _input_bytes(altchars)
        _check_altchars(altchars)
        s = s.translate(bytes.maketrans(altchars, b"+/"))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    """Base64 with '-' and '_' instead of '+' and '/'."""
    return b64encode(s).translate(bytes.maketrans(b"+/", b"-_"))


def urlsafe_b64decode(s):
    s = _input_bytes(s)
    return b64decode(s.translate(bytes.maketrans(b"-_", b"+/")))


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def _input_type_check(s):
    """encodebytes/decodebytes take one-dimensional buffers of bytes only."""
    try:
        view = memoryview(s)
    except TypeError as error:
        raise TypeError("expected bytes-like object, not %s" % s.__class__.__name__) from error
    if view.format not in ('c', 'b', 'B'):
        raise TypeError("expected single byte elements, not %r from %s"
                        % (view.format, s.__class__.__name__))
    if view.ndim != 1:
        raise TypeError("expected 1-D data, not %d-D data from %s"
                        % (view.ndim, s.__class__.__name__))
    return view


def encodebytes(s):
    """Base64 in lines of at most 76 characters, each ending with a newline."""
    view = _input_type_check(s)
    lines = []
    for start in range(0, len(view), MAXBINSIZE):
        lines.append(binascii.b2a_base64(view[start:start + MAXBINSIZE]))
    return b"".join(lines)


def decodebytes(s):
    """Decode lines of Base64."""
    _input_type_check(s)        # bytes-like only, as documented
    return binascii.a2b_base64(s)


def encode(input, output):
    """Read binary input until EOF and write its Base64 lines to output."""
    while True:
        chunk = input.read(MAXBINSIZE)
        if not chunk:
            break
        while len(chunk) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(chunk))
            if not more:
                break
            chunk += more
        output.write(binascii.b2a_base64(chunk))


def decode(input, output):
    """Decode Base64 lines from input, writing the bytes to output."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))


# -- Base32 ------------------------------------------------------------------------------------
_B32_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_B32HEX_ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"
_PADDING_FOR_REST = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}     # input bytes in last block -> '='s


def _b32encode(alphabet, s):
    data = memoryview(s).tobytes()
    out = bytearray()
    for start in range(0, len(data), 5):
        block = data[start:start + 5]
        value = int.from_bytes(block.ljust(5, b"\0"), "big")
        chars = bytes(alphabet[(value >> shift) & 31] for shift in range(35, -1, -5))
        pad = _PADDING_FOR_REST[len(block) % 5]
        out += chars[:8 - pad] + b"=" * pad
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _input_bytes(s)
    if len(s) % 8:
        raise binascii.Error("Incorrect padding")
    if map01 is not None:
        map01 = _input_bytes(map01)
        if len(map01) != 1:
            raise AssertionError(repr(map01))
        s = s.translate(bytes.maketrans(b"01", b"O" + map01))
    if casefold:
        s = s.upper()
    stripped = s.rstrip(b"=")
    pad = len(s) - len(stripped)
    lookup = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    for start in range(0, len(stripped), 8):
        chunk = stripped[start:start + 8]
        value = 0
        for c in chunk:
            digit = lookup.get(c)
            if digit is None:
                raise binascii.Error("Non-base32 digit found")
            value = value << 5 | digit
        value <<= 5 * (8 - len(chunk))
        out += value.to_bytes(5, "big")
    # bad digits are reported before bad padding
    if pad not in (0, 1, 3, 4, 6):
        raise binascii.Error("Incorrect padding")
    if pad:
        keep = {1: 4, 3: 3, 4: 2, 6: 1}[pad]
        del out[len(out) - 5 + keep:]
    return bytes(out)


def b32encode(s):
    """Encode with the RFC 4648 Base32 alphabet."""
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32; casefold accepts lower case, map01 maps '0' to 'O' and '1' to it."""
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Encode with the Base32 "extended hex" alphabet."""
    return _b32encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32HEX_ALPHABET, s, casefold)


# -- Base16 ------------------------------------------------------------------------------------
def b16encode(s):
    """Upper-case hexadecimal."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _input_bytes(s)
    if casefold:
        s = s.upper()
    if any(c not in b"0123456789ABCDEF" for c in s):
        raise binascii.Error("Non-base16 digit found")
    return binascii.unhexlify(s)


# -- Base85 ------------------------------------------------------------------------------------
_B85_ALPHABET = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                 b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")


def b85encode(b, pad=False):
    """Base85 (as in git's binary patches); pad=True pads the input to a multiple of 4."""
    data = memoryview(b).tobytes()
    rest = len(data) % 4
    padding = (4 - rest) % 4
    data += b"\0" * padding
    out = bytearray()
    for start in range(0, len(data), 4):
        value = int.from_bytes(data[start:start + 4], "big")
        chars = bytearray(5)
        for i in range(4, -1, -1):
            value, digit = divmod(value, 85)
            chars[i] = _B85_ALPHABET[digit]
        out += chars
    if padding and not pad:
        del out[len(out) - padding:]
    return bytes(out)


def b85decode(b):
    """Decode Base85 (padding is not removed)."""
    data = _input_bytes(b)
    lookup = {c: i for i, c in enumerate(_B85_ALPHABET)}
    padding = (-len(data)) % 5
    data += b"~" * padding
    out = bytearray()
    for start in range(0, len(data), 5):
        value = 0
        for offset, c in enumerate(data[start:start + 5]):
            digit = lookup.get(c)
            if digit is None:
                raise ValueError("bad base85 character at position %d" % (start + offset))
            value = value * 85 + digit
        if value > 0xFFFFFFFF:
            raise ValueError("base85 overflow in hunk starting at byte %d" % start)
        out += value.to_bytes(4, "big")
    if padding:
        del out[len(out) - padding:]
    return bytes(out)


# -- Ascii85 (btoa, Adobe) ---------------------------------------------------------------------
_A85_START = b"<~"
_A85_END = b"~>"


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85: characters '!' to 'u', 'z' for four zero bytes, 'y' for four spaces if
    foldspaces; wrapcol > 0 breaks lines; adobe adds the <~ ~> frame."""
    data = memoryview(b).tobytes()
    padding = (-len(data)) % 4
    data += b"\0" * padding
    pieces = []
    for start in range(0, len(data), 4):
        word = int.from_bytes(data[start:start + 4], "big")
        if word == 0:
            pieces.append(b"z")
        elif foldspaces and word == 0x20202020:
            pieces.append(b"y")
        else:
            chars = bytearray(5)
            for i in range(4, -1, -1):
                word, digit = divmod(word, 85)
                chars[i] = 33 + digit
            pieces.append(bytes(chars))
    if padding and not pad:
        # a shortened final group is written out in full before being cut
        last = pieces[-1]
        if last == b"z":
            last = b"!" * 5
        pieces[-1] = last[:5 - padding]
    result = b"".join(pieces)
    if adobe:
        result = _A85_START + result
    if wrapcol:
        width = max(2 if adobe else 1, wrapcol)
        lines = [result[i:i + width] for i in range(0, len(result), width)]
        if adobe and lines and len(lines[-1]) + 2 > width:
            lines.append(b"")
        result = b"\n".join(lines)
    if adobe:
        result += _A85_END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b" \t\n\r\x0b"):
    """Decode Ascii85; adobe requires the closing ~> (the opening <~ is optional);
    characters in ignorechars are skipped."""
    data = _input_bytes(b)
    if adobe:
        if not data.endswith(_A85_END):
            raise ValueError("Ascii85 encoded byte sequences must end with %r" % (_A85_END,))
        if data.startswith(_A85_START):
            data = data[2:-2]
        else:
            data = data[:-2]
    out = bytearray()
    group = []
    for c in data:
        if 33 <= c <= 117:
            group.append(c - 33)
            if len(group) == 5:
                value = 0
                for digit in group:
                    value = value * 85 + digit
                if value > 0xFFFFFFFF:
                    raise ValueError("Ascii85 overflow")
                out += value.to_bytes(4, "big")
                group = []
        elif c == 122:          # 'z'
            if group:
                raise ValueError("z inside Ascii85 5-tuple")
            out += b"\0\0\0\0"
        elif foldspaces and c == 121:           # 'y'
            if group:
                raise ValueError("y inside Ascii85 5-tuple")
            out += b"    "
        elif c in ignorechars:
            continue
        else:
            raise ValueError("Non-Ascii85 digit found: %c" % c)
    if group:
        missing = 5 - len(group)
        value = 0
        for digit in group + [84] * missing:
            value = value * 85 + digit
        if value > 0xFFFFFFFF:
            raise ValueError("Ascii85 overflow")
        out += value.to_bytes(4, "big")[:4 - missing]
    return bytes(out)


# -- Z85 (ZeroMQ) ------------------------------------------------------------------------------
_Z85_ALPHABET = (b"0123456789abcdefghijklmnopqrstuvwxyz"
                 b"ABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#")
_B85_TO_Z85 = bytes.maketrans(_B85_ALPHABET, _Z85_ALPHABET)
# bytes outside the Z85 alphabet become NUL, which is no Base85 digit either, so that
# b85decode reports them at their position
_Z85_TO_B85 = bytes(_B85_ALPHABET[_Z85_ALPHABET.index(c)] if c in _Z85_ALPHABET else 0
                    for c in range(256))


def z85encode(s):
    """Z85: Base85 with the ZeroMQ alphabet (a shortened last group, no padding)."""
    return b85encode(s).translate(_B85_TO_Z85)


def z85decode(s):
    """Decode Z85."""
    data = _input_bytes(s).translate(_Z85_TO_B85)
    try:
        return b85decode(data)
    except ValueError as error:
        raise ValueError(error.args[0].replace("base85", "z85")) from None


# -- command line ------------------------------------------------------------------------------
def main():
    """python -m base64 [-h|-d|-e|-u] [file|-]: encode (default) or decode a file, or the
    standard input, to the standard output."""
    import getopt
    import sys
    usage = f"""usage: {sys.argv[0]} [-h|-d|-e|-u] [file|-]
        -h: print this help message and exit
        -d, -u: decode
        -e: encode (default)"""
    try:
        opts, args = getopt.getopt(sys.argv[1:], 'hdeu')
    except getopt.error as error:
        sys.stdout = sys.stderr
        print(error)
        print(usage)
        sys.exit(2)
    func = encode
    for option, _ in opts:
        if option == '-e':
            func = encode
        if option in ('-d', '-u'):
            func = decode
        if option == '-h':
            print(usage)
            return
    if args and args[0] != '-':
        with open(args[0], 'rb') as f:
            func(f, sys.stdout.buffer)
    else:
        func(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == '__main__':
    main()
