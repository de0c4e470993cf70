"""The exceptions and defect classes of the email package."""


class MessageError(Exception):
    """The base of the exceptions of the email package."""


class MessageParseError(MessageError):
    """The base of the errors found while parsing a message."""


class HeaderParseError(MessageParseError):
    """A header could not be parsed."""


class BoundaryError(MessageParseError):
    """The closing boundary of a multipart message is missing."""


class MultipartConversionError(MessageError, TypeError):
    """A message cannot be made multipart."""


class CharsetError(MessageError):
    """The charset named is not valid."""


class HeaderWriteError(MessageError):
    """A header could not be written."""


class MessageDefect(ValueError):
    """The base of the defects: problems found in a message that parsing went past."""

    def __init__(self, line=None):
        if line is not None:
            super().__init__(line)
        self.line = line


class NoBoundaryInMultipartDefect(MessageDefect):
    """A multipart message has no boundary parameter."""


class StartBoundaryNotFoundDefect(MessageDefect):
    """The first boundary of a multipart message never appears."""


class CloseBoundaryNotFoundDefect(MessageDefect):
    """A multipart message has no closing boundary."""


class FirstHeaderLineIsContinuationDefect(MessageDefect):
    """The first header line is indented (a continuation of nothing)."""


class MisplacedEnvelopeHeaderDefect(MessageDefect):
    """A 'From ' envelope line appears among the headers."""


class MissingHeaderBodySeparatorDefect(MessageDefect):
    """A line that is not a header ends the headers (no blank line before the body)."""


MalformedHeaderDefect = MissingHeaderBodySeparatorDefect


class MultipartInvariantViolationDefect(MessageDefect):
    """A multipart message has no parts."""


class InvalidBase64PaddingDefect(MessageDefect):
    """A base64 body has the wrong padding."""


class InvalidBase64CharactersDefect(MessageDefect):
    """A base64 body has characters outside the base64 alphabet."""


class InvalidBase64LengthDefect(MessageDefect):
    """A base64 body has a number of characters that cannot be decoded."""


class InvalidMultipartContentTransferEncodingDefect(MessageDefect):
    """A multipart message has a Content-Transfer-Encoding other than 7bit, 8bit or
    binary."""


class UndecodableBytesDefect(MessageDefect):
    """A header has bytes that cannot be decoded."""


class HeaderDefect(MessageDefect):
    """The base of the defects of a header."""


class InvalidHeaderDefect(HeaderDefect):
    """A header is not valid (the message says how)."""


class HeaderMissingRequiredValue(HeaderDefect):
    """A header that must have a value has none."""


class NonASCIIDigitsDefect(HeaderDefect):
    """A header has non-ASCII digits."""


class NonPrintableDefect(HeaderDefect):
    """A header has characters that are not printable."""

    def __init__(self, non_printables):
        super().__init__(non_printables)
        self.non_printables = non_printables

    def __str__(self):
        return 'the following ASCII non-printables found in header: {}'.format(
            self.non_printables)


class InvalidDateDefect(HeaderDefect):
    """A date header cannot be parsed."""


class NonASCIILocalPartDefect(HeaderDefect):
    """The local part of an address has non-ASCII characters (valid only with
    RFC 6532)."""


class ObsoleteHeaderDefect(HeaderDefect):
    """A header uses syntax that RFC 5322 marks obsolete."""
