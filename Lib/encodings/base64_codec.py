"""Python 'base64' codec: bytes to and from MIME base64 (lines of 76 characters)."""

import base64

from encodings._transform import transform_codec

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = transform_codec('base64', base64.encodebytes, base64.decodebytes)
