"""Python 'hex' codec: bytes to and from their hexadecimal digits (binascii)."""

import binascii

from encodings._transform import transform_codec

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = transform_codec('hex', binascii.b2a_hex, binascii.a2b_hex)
