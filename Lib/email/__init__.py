"""Email messages: the message model, its parsers and address objects.

Braid's email package covers the message model (email.message.Message with the compat32
policy's behaviour: header values are returned as they appear in the source), the parsers
of email.parser (headers, bodies, MIME multipart), the generators of email.generator and
the policies of email.policy, email.errors, and the Address and Group classes of
email.headerregistry.
"""

__all__ = [
    'errors', 'generator', 'headerregistry', 'message', 'message_from_binary_file',
    'message_from_bytes', 'message_from_file', 'message_from_string', 'parser', 'policy',
]


def message_from_string(s, *args, **kws):
    """Parse the str s into a message (arguments as for email.parser.Parser)."""
    from email.parser import Parser
    return Parser(*args, **kws).parsestr(s)


def message_from_bytes(s, *args, **kws):
    """Parse the bytes s into a message (arguments as for email.parser.BytesParser)."""
    from email.parser import BytesParser
    return BytesParser(*args, **kws).parsebytes(s)


def message_from_file(fp, *args, **kws):
    """Parse the text file fp into a message."""
    from email.parser import Parser
    return Parser(*args, **kws).parse(fp)


def message_from_binary_file(fp, *args, **kws):
    """Parse the binary file fp into a message."""
    from email.parser import BytesParser
    return BytesParser(*args, **kws).parse(fp)
